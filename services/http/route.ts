/** One method and path the backend's HTTP server answers; `{name}` stands for a path segment. */
export interface HttpRoute {
  method: string;
  path: string;
}
