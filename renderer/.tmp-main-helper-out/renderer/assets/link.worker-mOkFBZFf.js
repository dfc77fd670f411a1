// node_modules/mqtt/dist/mqtt.esm.js
var Ro = Object.defineProperty;
var xy = Object.getOwnPropertyDescriptor;
var Ty = Object.getOwnPropertyNames;
var Py = Object.prototype.hasOwnProperty;
var ze = (t, e) => () => (t && (e = t(t = 0)), e);
var H = (t, e) => () => (e || t((e = { exports: {} }).exports, e), e.exports);
var Mr = (t, e) => {
	for (var r in e) Ro(t, r, {
		get: e[r],
		enumerable: !0
	});
};
var Oy = (t, e, r, n) => {
	if (e && typeof e == "object" || typeof e == "function") for (let i of Ty(e)) !Py.call(t, i) && i !== r && Ro(t, i, {
		get: () => e[i],
		enumerable: !(n = xy(e, i)) || n.enumerable
	});
	return t;
};
var _e = (t) => Oy(Ro({}, "__esModule", { value: !0 }), t);
var x = ze(() => {});
var q = {};
Mr(q, {
	_debugEnd: () => zl,
	_debugProcess: () => Hl,
	_events: () => uc,
	_eventsCount: () => lc,
	_exiting: () => xl,
	_fatalExceptions: () => jl,
	_getActiveHandles: () => Rl,
	_getActiveRequests: () => Ol,
	_kill: () => Cl,
	_linkedBinding: () => Al,
	_maxListeners: () => ac,
	_preload_modules: () => ic,
	_rawDebug: () => Sl,
	_startProfilerIdleNotifier: () => Gl,
	_stopProfilerIdleNotifier: () => Ql,
	_tickCallback: () => Vl,
	abort: () => Xl,
	addListener: () => cc,
	allowedNodeEnvironmentFlags: () => Dl,
	arch: () => ul,
	argv: () => fl,
	argv0: () => nc,
	assert: () => Ul,
	binding: () => yl,
	browser: () => vl,
	chdir: () => _l,
	config: () => Tl,
	cpuUsage: () => pi,
	cwd: () => ml,
	debugPort: () => rc,
	default: () => _c,
	dlopen: () => Pl,
	domain: () => Il,
	emit: () => gc,
	emitWarning: () => gl,
	env: () => cl,
	execArgv: () => dl,
	execPath: () => tc,
	exit: () => Ll,
	features: () => Fl,
	hasUncaughtExceptionCaptureCallback: () => Wl,
	hrtime: () => hi,
	kill: () => Nl,
	listeners: () => mc,
	memoryUsage: () => Bl,
	moduleLoadList: () => El,
	nextTick: () => ol,
	off: () => dc,
	on: () => It,
	once: () => fc,
	openStdin: () => ql,
	pid: () => Zl,
	platform: () => ll,
	ppid: () => ec,
	prependListener: () => yc,
	prependOnceListener: () => bc,
	reallyExit: () => kl,
	release: () => wl,
	removeAllListeners: () => pc,
	removeListener: () => hc,
	resourceUsage: () => Ml,
	setSourceMapsEnabled: () => oc,
	setUncaughtExceptionCaptureCallback: () => $l,
	stderr: () => Yl,
	stdin: () => Jl,
	stdout: () => Kl,
	title: () => al,
	umask: () => bl,
	uptime: () => sc,
	version: () => hl,
	versions: () => pl
});
function Mo(t) {
	throw new Error("Node.js process " + t + " is not supported by JSPM core outside of Node.js");
}
function Ry() {
	!Br || !lr || (Br = !1, lr.length ? At = lr.concat(At) : di = -1, At.length && il());
}
function il() {
	if (!Br) {
		var t = setTimeout(Ry, 0);
		Br = !0;
		for (var e = At.length; e;) {
			for (lr = At, At = []; ++di < e;) lr && lr[di].run();
			di = -1, e = At.length;
		}
		lr = null, Br = !1, clearTimeout(t);
	}
}
function ol(t) {
	var e = new Array(arguments.length - 1);
	if (arguments.length > 1) for (var r = 1; r < arguments.length; r++) e[r - 1] = arguments[r];
	At.push(new sl(t, e)), At.length === 1 && !Br && setTimeout(il, 0);
}
function sl(t, e) {
	this.fun = t, this.array = e;
}
function De() {}
function Al(t) {
	Mo("_linkedBinding");
}
function Pl(t) {
	Mo("dlopen");
}
function Ol() {
	return [];
}
function Rl() {
	return [];
}
function Ul(t, e) {
	if (!t) throw new Error(e || "assertion error");
}
function Wl() {
	return !1;
}
function sc() {
	return $t.now() / 1e3;
}
function hi(t) {
	var e = Math.floor((Date.now() - $t.now()) * .001), r = $t.now() * .001, n = Math.floor(r) + e, i = Math.floor(r % 1 * 1e9);
	return t && (n = n - t[0], i = i - t[1], i < 0 && (n--, i += Co)), [n, i];
}
function It() {
	return _c;
}
function mc(t) {
	return [];
}
var At;
var Br;
var lr;
var di;
var al;
var ul;
var ll;
var cl;
var fl;
var dl;
var hl;
var pl;
var gl;
var yl;
var bl;
var ml;
var _l;
var wl;
var vl;
var Sl;
var El;
var Il;
var xl;
var Tl;
var kl;
var Cl;
var pi;
var Ml;
var Bl;
var Nl;
var Ll;
var ql;
var Dl;
var Fl;
var jl;
var $l;
var Vl;
var Hl;
var zl;
var Gl;
var Ql;
var Kl;
var Yl;
var Jl;
var Xl;
var Zl;
var ec;
var tc;
var rc;
var nc;
var ic;
var oc;
var $t;
var ko;
var Co;
var ac;
var uc;
var lc;
var cc;
var fc;
var dc;
var hc;
var pc;
var gc;
var yc;
var bc;
var _c;
var wc = ze(() => {
	x();
	P();
	T();
	At = [], Br = !1, di = -1;
	sl.prototype.run = function() {
		this.fun.apply(null, this.array);
	};
	al = "browser", ul = "x64", ll = "browser", cl = {
		PATH: "/usr/bin",
		LANG: typeof navigator < "u" ? navigator.language + ".UTF-8" : void 0,
		PWD: "/",
		HOME: "/home",
		TMP: "/tmp"
	}, fl = ["/usr/bin/node"], dl = [], hl = "v16.8.0", pl = {}, gl = function(t, e) {
		console.warn((e ? e + ": " : "") + t);
	}, yl = function(t) {
		Mo("binding");
	}, bl = function(t) {
		return 0;
	}, ml = function() {
		return "/";
	}, _l = function(t) {}, wl = {
		name: "node",
		sourceUrl: "",
		headersUrl: "",
		libUrl: ""
	};
	vl = !0, Sl = De, El = [];
	Il = {}, xl = !1, Tl = {};
	kl = De, Cl = De, pi = function() {
		return {};
	}, Ml = pi, Bl = pi, Nl = De, Ll = De, ql = De, Dl = {};
	Fl = {
		inspector: !1,
		debug: !1,
		uv: !1,
		ipv6: !1,
		tls_alpn: !1,
		tls_sni: !1,
		tls_ocsp: !1,
		tls: !1,
		cached_builtins: !0
	}, jl = De, $l = De;
	Vl = De, Hl = De, zl = De, Gl = De, Ql = De, Kl = void 0, Yl = void 0, Jl = void 0, Xl = De, Zl = 2, ec = 1, tc = "/bin/usr/node", rc = 9229, nc = "node", ic = [], oc = De, $t = {
		now: typeof performance < "u" ? performance.now.bind(performance) : void 0,
		timing: typeof performance < "u" ? performance.timing : void 0
	};
	$t.now === void 0 && (ko = Date.now(), $t.timing && $t.timing.navigationStart && (ko = $t.timing.navigationStart), $t.now = () => Date.now() - ko);
	Co = 1e9;
	hi.bigint = function(t) {
		var e = hi(t);
		return typeof BigInt > "u" ? e[0] * Co + e[1] : BigInt(e[0] * Co) + BigInt(e[1]);
	};
	ac = 10, uc = {}, lc = 0;
	cc = It, fc = It, dc = It, hc = It, pc = It, gc = De, yc = It, bc = It;
	_c = {
		version: hl,
		versions: pl,
		arch: ul,
		platform: ll,
		browser: vl,
		release: wl,
		_rawDebug: Sl,
		moduleLoadList: El,
		binding: yl,
		_linkedBinding: Al,
		_events: uc,
		_eventsCount: lc,
		_maxListeners: ac,
		on: It,
		addListener: cc,
		once: fc,
		off: dc,
		removeListener: hc,
		removeAllListeners: pc,
		emit: gc,
		prependListener: yc,
		prependOnceListener: bc,
		listeners: mc,
		domain: Il,
		_exiting: xl,
		config: Tl,
		dlopen: Pl,
		uptime: sc,
		_getActiveRequests: Ol,
		_getActiveHandles: Rl,
		reallyExit: kl,
		_kill: Cl,
		cpuUsage: pi,
		resourceUsage: Ml,
		memoryUsage: Bl,
		kill: Nl,
		exit: Ll,
		openStdin: ql,
		allowedNodeEnvironmentFlags: Dl,
		assert: Ul,
		features: Fl,
		_fatalExceptions: jl,
		setUncaughtExceptionCaptureCallback: $l,
		hasUncaughtExceptionCaptureCallback: Wl,
		emitWarning: gl,
		nextTick: ol,
		_tickCallback: Vl,
		_debugProcess: Hl,
		_debugEnd: zl,
		_startProfilerIdleNotifier: Gl,
		_stopProfilerIdleNotifier: Ql,
		stdout: Kl,
		stdin: Jl,
		stderr: Yl,
		abort: Xl,
		umask: bl,
		chdir: _l,
		cwd: ml,
		env: cl,
		title: al,
		argv: fl,
		execArgv: dl,
		pid: Zl,
		ppid: ec,
		execPath: tc,
		debugPort: rc,
		hrtime: hi,
		argv0: nc,
		_preload_modules: ic,
		setSourceMapsEnabled: oc
	};
});
var T = ze(() => {
	wc();
});
function ky() {
	if (vc) return hn;
	vc = !0, hn.byteLength = u, hn.toByteArray = f, hn.fromByteArray = _;
	for (var t = [], e = [], r = typeof Uint8Array < "u" ? Uint8Array : Array, n = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", i = 0, s = n.length; i < s; ++i) t[i] = n[i], e[n.charCodeAt(i)] = i;
	e[45] = 62, e[95] = 63;
	function o(y) {
		var I = y.length;
		if (I % 4 > 0) throw new Error("Invalid string. Length must be a multiple of 4");
		var S = y.indexOf("=");
		S === -1 && (S = I);
		var b = S === I ? 0 : 4 - S % 4;
		return [S, b];
	}
	function u(y) {
		var I = o(y), S = I[0], b = I[1];
		return (S + b) * 3 / 4 - b;
	}
	function c(y, I, S) {
		return (I + S) * 3 / 4 - S;
	}
	function f(y) {
		var I, S = o(y), b = S[0], m = S[1], w = new r(c(y, b, m)), R = 0, A = m > 0 ? b - 4 : b, g = 0;
		for (; g < A; g += 4) I = e[y.charCodeAt(g)] << 18 | e[y.charCodeAt(g + 1)] << 12 | e[y.charCodeAt(g + 2)] << 6 | e[y.charCodeAt(g + 3)], w[R++] = I >> 16 & 255, w[R++] = I >> 8 & 255, w[R++] = I & 255;
		return m === 2 && (I = e[y.charCodeAt(g)] << 2 | e[y.charCodeAt(g + 1)] >> 4, w[R++] = I & 255), m === 1 && (I = e[y.charCodeAt(g)] << 10 | e[y.charCodeAt(g + 1)] << 4 | e[y.charCodeAt(g + 2)] >> 2, w[R++] = I >> 8 & 255, w[R++] = I & 255), w;
	}
	function d(y) {
		return t[y >> 18 & 63] + t[y >> 12 & 63] + t[y >> 6 & 63] + t[y & 63];
	}
	function h(y, I, S) {
		for (var b, m = [], w = I; w < S; w += 3) b = (y[w] << 16 & 16711680) + (y[w + 1] << 8 & 65280) + (y[w + 2] & 255), m.push(d(b));
		return m.join("");
	}
	function _(y) {
		for (var I, S = y.length, b = S % 3, m = [], w = 16383, R = 0, A = S - b; R < A; R += w) m.push(h(y, R, R + w > A ? A : R + w));
		return b === 1 ? (I = y[S - 1], m.push(t[I >> 2] + t[I << 4 & 63] + "==")) : b === 2 && (I = (y[S - 2] << 8) + y[S - 1], m.push(t[I >> 10] + t[I >> 4 & 63] + t[I << 2 & 63] + "=")), m.join("");
	}
	return hn;
}
function Cy() {
	if (Sc) return gi;
	Sc = !0;
	return gi.read = function(t, e, r, n, i) {
		var s, o, u = i * 8 - n - 1, c = (1 << u) - 1, f = c >> 1, d = -7, h = r ? i - 1 : 0, _ = r ? -1 : 1, y = t[e + h];
		for (h += _, s = y & (1 << -d) - 1, y >>= -d, d += u; d > 0; s = s * 256 + t[e + h], h += _, d -= 8);
		for (o = s & (1 << -d) - 1, s >>= -d, d += n; d > 0; o = o * 256 + t[e + h], h += _, d -= 8);
		if (s === 0) s = 1 - f;
		else {
			if (s === c) return o ? NaN : (y ? -1 : 1) * (1 / 0);
			o = o + Math.pow(2, n), s = s - f;
		}
		return (y ? -1 : 1) * o * Math.pow(2, s - n);
	}, gi.write = function(t, e, r, n, i, s) {
		var o, u, c, f = s * 8 - i - 1, d = (1 << f) - 1, h = d >> 1, _ = i === 23 ? Math.pow(2, -24) - Math.pow(2, -77) : 0, y = n ? 0 : s - 1, I = n ? 1 : -1, S = e < 0 || e === 0 && 1 / e < 0 ? 1 : 0;
		for (e = Math.abs(e), isNaN(e) || e === 1 / 0 ? (u = isNaN(e) ? 1 : 0, o = d) : (o = Math.floor(Math.log(e) / Math.LN2), e * (c = Math.pow(2, -o)) < 1 && (o--, c *= 2), o + h >= 1 ? e += _ / c : e += _ * Math.pow(2, 1 - h), e * c >= 2 && (o++, c /= 2), o + h >= d ? (u = 0, o = d) : o + h >= 1 ? (u = (e * c - 1) * Math.pow(2, i), o = o + h) : (u = e * Math.pow(2, h - 1) * Math.pow(2, i), o = 0)); i >= 8; t[r + y] = u & 255, y += I, u /= 256, i -= 8);
		for (o = o << i | u, f += i; f > 0; t[r + y] = o & 255, y += I, o /= 256, f -= 8);
		t[r + y - I] |= S * 128;
	}, gi;
}
function Ac() {
	if (Ec) return cr;
	Ec = !0;
	let t = ky(), e = Cy(), r = typeof Symbol == "function" && typeof Symbol.for == "function" ? Symbol.for("nodejs.util.inspect.custom") : null;
	cr.Buffer = o, cr.SlowBuffer = m, cr.INSPECT_MAX_BYTES = 50;
	let n = 2147483647;
	cr.kMaxLength = n, o.TYPED_ARRAY_SUPPORT = i(), !o.TYPED_ARRAY_SUPPORT && typeof console < "u" && typeof console.error == "function" && console.error("This browser lacks typed array (Uint8Array) support which is required by `buffer` v5.x. Use `buffer` v4.x if you require old browser support.");
	function i() {
		try {
			let p = /* @__PURE__ */ new Uint8Array(1), a = { foo: function() {
				return 42;
			} };
			return Object.setPrototypeOf(a, Uint8Array.prototype), Object.setPrototypeOf(p, a), p.foo() === 42;
		} catch {
			return !1;
		}
	}
	Object.defineProperty(o.prototype, "parent", {
		enumerable: !0,
		get: function() {
			if (o.isBuffer(this)) return this.buffer;
		}
	}), Object.defineProperty(o.prototype, "offset", {
		enumerable: !0,
		get: function() {
			if (o.isBuffer(this)) return this.byteOffset;
		}
	});
	function s(p) {
		if (p > n) throw new RangeError("The value \"" + p + "\" is invalid for option \"size\"");
		let a = new Uint8Array(p);
		return Object.setPrototypeOf(a, o.prototype), a;
	}
	function o(p, a, l) {
		if (typeof p == "number") {
			if (typeof a == "string") throw new TypeError("The \"string\" argument must be of type string. Received type number");
			return d(p);
		}
		return u(p, a, l);
	}
	o.poolSize = 8192;
	function u(p, a, l) {
		if (typeof p == "string") return h(p, a);
		if (ArrayBuffer.isView(p)) return y(p);
		if (p == null) throw new TypeError("The first argument must be one of type string, Buffer, ArrayBuffer, Array, or Array-like Object. Received type " + typeof p);
		if (Xe(p, ArrayBuffer) || p && Xe(p.buffer, ArrayBuffer) || typeof SharedArrayBuffer < "u" && (Xe(p, SharedArrayBuffer) || p && Xe(p.buffer, SharedArrayBuffer))) return I(p, a, l);
		if (typeof p == "number") throw new TypeError("The \"value\" argument must not be of type number. Received type number");
		let E = p.valueOf && p.valueOf();
		if (E != null && E !== p) return o.from(E, a, l);
		let C = S(p);
		if (C) return C;
		if (typeof Symbol < "u" && Symbol.toPrimitive != null && typeof p[Symbol.toPrimitive] == "function") return o.from(p[Symbol.toPrimitive]("string"), a, l);
		throw new TypeError("The first argument must be one of type string, Buffer, ArrayBuffer, Array, or Array-like Object. Received type " + typeof p);
	}
	o.from = function(p, a, l) {
		return u(p, a, l);
	}, Object.setPrototypeOf(o.prototype, Uint8Array.prototype), Object.setPrototypeOf(o, Uint8Array);
	function c(p) {
		if (typeof p != "number") throw new TypeError("\"size\" argument must be of type number");
		if (p < 0) throw new RangeError("The value \"" + p + "\" is invalid for option \"size\"");
	}
	function f(p, a, l) {
		return c(p), p <= 0 ? s(p) : a !== void 0 ? typeof l == "string" ? s(p).fill(a, l) : s(p).fill(a) : s(p);
	}
	o.alloc = function(p, a, l) {
		return f(p, a, l);
	};
	function d(p) {
		return c(p), s(p < 0 ? 0 : b(p) | 0);
	}
	o.allocUnsafe = function(p) {
		return d(p);
	}, o.allocUnsafeSlow = function(p) {
		return d(p);
	};
	function h(p, a) {
		if ((typeof a != "string" || a === "") && (a = "utf8"), !o.isEncoding(a)) throw new TypeError("Unknown encoding: " + a);
		let l = w(p, a) | 0, E = s(l), C = E.write(p, a);
		return C !== l && (E = E.slice(0, C)), E;
	}
	function _(p) {
		let a = p.length < 0 ? 0 : b(p.length) | 0, l = s(a);
		for (let E = 0; E < a; E += 1) l[E] = p[E] & 255;
		return l;
	}
	function y(p) {
		if (Xe(p, Uint8Array)) {
			let a = new Uint8Array(p);
			return I(a.buffer, a.byteOffset, a.byteLength);
		}
		return _(p);
	}
	function I(p, a, l) {
		if (a < 0 || p.byteLength < a) throw new RangeError("\"offset\" is outside of buffer bounds");
		if (p.byteLength < a + (l || 0)) throw new RangeError("\"length\" is outside of buffer bounds");
		let E;
		return a === void 0 && l === void 0 ? E = new Uint8Array(p) : l === void 0 ? E = new Uint8Array(p, a) : E = new Uint8Array(p, a, l), Object.setPrototypeOf(E, o.prototype), E;
	}
	function S(p) {
		if (o.isBuffer(p)) {
			let a = b(p.length) | 0, l = s(a);
			return l.length === 0 || p.copy(l, 0, 0, a), l;
		}
		if (p.length !== void 0) return typeof p.length != "number" || fn(p.length) ? s(0) : _(p);
		if (p.type === "Buffer" && Array.isArray(p.data)) return _(p.data);
	}
	function b(p) {
		if (p >= n) throw new RangeError("Attempt to allocate Buffer larger than maximum size: 0x" + n.toString(16) + " bytes");
		return p | 0;
	}
	function m(p) {
		return +p != p && (p = 0), o.alloc(+p);
	}
	o.isBuffer = function(a) {
		return a != null && a._isBuffer === !0 && a !== o.prototype;
	}, o.compare = function(a, l) {
		if (Xe(a, Uint8Array) && (a = o.from(a, a.offset, a.byteLength)), Xe(l, Uint8Array) && (l = o.from(l, l.offset, l.byteLength)), !o.isBuffer(a) || !o.isBuffer(l)) throw new TypeError("The \"buf1\", \"buf2\" arguments must be one of type Buffer or Uint8Array");
		if (a === l) return 0;
		let E = a.length, C = l.length;
		for (let N = 0, F = Math.min(E, C); N < F; ++N) if (a[N] !== l[N]) {
			E = a[N], C = l[N];
			break;
		}
		return E < C ? -1 : C < E ? 1 : 0;
	}, o.isEncoding = function(a) {
		switch (String(a).toLowerCase()) {
			case "hex":
			case "utf8":
			case "utf-8":
			case "ascii":
			case "latin1":
			case "binary":
			case "base64":
			case "ucs2":
			case "ucs-2":
			case "utf16le":
			case "utf-16le": return !0;
			default: return !1;
		}
	}, o.concat = function(a, l) {
		if (!Array.isArray(a)) throw new TypeError("\"list\" argument must be an Array of Buffers");
		if (a.length === 0) return o.alloc(0);
		let E;
		if (l === void 0) for (l = 0, E = 0; E < a.length; ++E) l += a[E].length;
		let C = o.allocUnsafe(l), N = 0;
		for (E = 0; E < a.length; ++E) {
			let F = a[E];
			if (Xe(F, Uint8Array)) N + F.length > C.length ? (o.isBuffer(F) || (F = o.from(F)), F.copy(C, N)) : Uint8Array.prototype.set.call(C, F, N);
			else if (o.isBuffer(F)) F.copy(C, N);
			else throw new TypeError("\"list\" argument must be an Array of Buffers");
			N += F.length;
		}
		return C;
	};
	function w(p, a) {
		if (o.isBuffer(p)) return p.length;
		if (ArrayBuffer.isView(p) || Xe(p, ArrayBuffer)) return p.byteLength;
		if (typeof p != "string") throw new TypeError("The \"string\" argument must be one of type string, Buffer, or ArrayBuffer. Received type " + typeof p);
		let l = p.length, E = arguments.length > 2 && arguments[2] === !0;
		if (!E && l === 0) return 0;
		let C = !1;
		for (;;) switch (a) {
			case "ascii":
			case "latin1":
			case "binary": return l;
			case "utf8":
			case "utf-8": return St(p).length;
			case "ucs2":
			case "ucs-2":
			case "utf16le":
			case "utf-16le": return l * 2;
			case "hex": return l >>> 1;
			case "base64": return li(p).length;
			default:
				if (C) return E ? -1 : St(p).length;
				a = ("" + a).toLowerCase(), C = !0;
		}
	}
	o.byteLength = w;
	function R(p, a, l) {
		let E = !1;
		if ((a === void 0 || a < 0) && (a = 0), a > this.length || ((l === void 0 || l > this.length) && (l = this.length), l <= 0) || (l >>>= 0, a >>>= 0, l <= a)) return "";
		for (p || (p = "utf8");;) switch (p) {
			case "hex": return W(this, a, l);
			case "utf8":
			case "utf-8": return $(this, a, l);
			case "ascii": return ee(this, a, l);
			case "latin1":
			case "binary": return z(this, a, l);
			case "base64": return U(this, a, l);
			case "ucs2":
			case "ucs-2":
			case "utf16le":
			case "utf-16le": return te(this, a, l);
			default:
				if (E) throw new TypeError("Unknown encoding: " + p);
				p = (p + "").toLowerCase(), E = !0;
		}
	}
	o.prototype._isBuffer = !0;
	function A(p, a, l) {
		let E = p[a];
		p[a] = p[l], p[l] = E;
	}
	o.prototype.swap16 = function() {
		let a = this.length;
		if (a % 2 !== 0) throw new RangeError("Buffer size must be a multiple of 16-bits");
		for (let l = 0; l < a; l += 2) A(this, l, l + 1);
		return this;
	}, o.prototype.swap32 = function() {
		let a = this.length;
		if (a % 4 !== 0) throw new RangeError("Buffer size must be a multiple of 32-bits");
		for (let l = 0; l < a; l += 4) A(this, l, l + 3), A(this, l + 1, l + 2);
		return this;
	}, o.prototype.swap64 = function() {
		let a = this.length;
		if (a % 8 !== 0) throw new RangeError("Buffer size must be a multiple of 64-bits");
		for (let l = 0; l < a; l += 8) A(this, l, l + 7), A(this, l + 1, l + 6), A(this, l + 2, l + 5), A(this, l + 3, l + 4);
		return this;
	}, o.prototype.toString = function() {
		let a = this.length;
		return a === 0 ? "" : arguments.length === 0 ? $(this, 0, a) : R.apply(this, arguments);
	}, o.prototype.toLocaleString = o.prototype.toString, o.prototype.equals = function(a) {
		if (!o.isBuffer(a)) throw new TypeError("Argument must be a Buffer");
		return this === a ? !0 : o.compare(this, a) === 0;
	}, o.prototype.inspect = function() {
		let a = "", l = cr.INSPECT_MAX_BYTES;
		return a = this.toString("hex", 0, l).replace(/(.{2})/g, "$1 ").trim(), this.length > l && (a += " ... "), "<Buffer " + a + ">";
	}, r && (o.prototype[r] = o.prototype.inspect), o.prototype.compare = function(a, l, E, C, N) {
		if (Xe(a, Uint8Array) && (a = o.from(a, a.offset, a.byteLength)), !o.isBuffer(a)) throw new TypeError("The \"target\" argument must be one of type Buffer or Uint8Array. Received type " + typeof a);
		if (l === void 0 && (l = 0), E === void 0 && (E = a ? a.length : 0), C === void 0 && (C = 0), N === void 0 && (N = this.length), l < 0 || E > a.length || C < 0 || N > this.length) throw new RangeError("out of range index");
		if (C >= N && l >= E) return 0;
		if (C >= N) return -1;
		if (l >= E) return 1;
		if (l >>>= 0, E >>>= 0, C >>>= 0, N >>>= 0, this === a) return 0;
		let F = N - C, k = E - l, M = Math.min(F, k), re = this.slice(C, N), ie = a.slice(l, E);
		for (let oe = 0; oe < M; ++oe) if (re[oe] !== ie[oe]) {
			F = re[oe], k = ie[oe];
			break;
		}
		return F < k ? -1 : k < F ? 1 : 0;
	};
	function g(p, a, l, E, C) {
		if (p.length === 0) return -1;
		if (typeof l == "string" ? (E = l, l = 0) : l > 2147483647 ? l = 2147483647 : l < -2147483648 && (l = -2147483648), l = +l, fn(l) && (l = C ? 0 : p.length - 1), l < 0 && (l = p.length + l), l >= p.length) {
			if (C) return -1;
			l = p.length - 1;
		} else if (l < 0) if (C) l = 0;
		else return -1;
		if (typeof a == "string" && (a = o.from(a, E)), o.isBuffer(a)) return a.length === 0 ? -1 : O(p, a, l, E, C);
		if (typeof a == "number") return a = a & 255, typeof Uint8Array.prototype.indexOf == "function" ? C ? Uint8Array.prototype.indexOf.call(p, a, l) : Uint8Array.prototype.lastIndexOf.call(p, a, l) : O(p, [a], l, E, C);
		throw new TypeError("val must be string, number or Buffer");
	}
	function O(p, a, l, E, C) {
		let N = 1, F = p.length, k = a.length;
		if (E !== void 0 && (E = String(E).toLowerCase(), E === "ucs2" || E === "ucs-2" || E === "utf16le" || E === "utf-16le")) {
			if (p.length < 2 || a.length < 2) return -1;
			N = 2, F /= 2, k /= 2, l /= 2;
		}
		function M(ie, oe) {
			return N === 1 ? ie[oe] : ie.readUInt16BE(oe * N);
		}
		let re;
		if (C) {
			let ie = -1;
			for (re = l; re < F; re++) if (M(p, re) === M(a, ie === -1 ? 0 : re - ie)) {
				if (ie === -1 && (ie = re), re - ie + 1 === k) return ie * N;
			} else ie !== -1 && (re -= re - ie), ie = -1;
		} else for (l + k > F && (l = F - k), re = l; re >= 0; re--) {
			let ie = !0;
			for (let oe = 0; oe < k; oe++) if (M(p, re + oe) !== M(a, oe)) {
				ie = !1;
				break;
			}
			if (ie) return re;
		}
		return -1;
	}
	o.prototype.includes = function(a, l, E) {
		return this.indexOf(a, l, E) !== -1;
	}, o.prototype.indexOf = function(a, l, E) {
		return g(this, a, l, E, !0);
	}, o.prototype.lastIndexOf = function(a, l, E) {
		return g(this, a, l, E, !1);
	};
	function v(p, a, l, E) {
		l = Number(l) || 0;
		let C = p.length - l;
		E ? (E = Number(E), E > C && (E = C)) : E = C;
		let N = a.length;
		E > N / 2 && (E = N / 2);
		let F = 0;
		for (; F < E; ++F) {
			let k = parseInt(a.substr(F * 2, 2), 16);
			if (fn(k)) return F;
			p[l + F] = k;
		}
		return F;
	}
	function B(p, a, l, E) {
		return Rr(St(a, p.length - l), p, l, E);
	}
	function D(p, a, l, E) {
		return Rr(Et(a), p, l, E);
	}
	function L(p, a, l, E) {
		return Rr(li(a), p, l, E);
	}
	function K(p, a, l, E) {
		return Rr(cn(a, p.length - l), p, l, E);
	}
	o.prototype.write = function(a, l, E, C) {
		if (l === void 0) C = "utf8", E = this.length, l = 0;
		else if (E === void 0 && typeof l == "string") C = l, E = this.length, l = 0;
		else if (isFinite(l)) l = l >>> 0, isFinite(E) ? (E = E >>> 0, C === void 0 && (C = "utf8")) : (C = E, E = void 0);
		else throw new Error("Buffer.write(string, encoding, offset[, length]) is no longer supported");
		let N = this.length - l;
		if ((E === void 0 || E > N) && (E = N), a.length > 0 && (E < 0 || l < 0) || l > this.length) throw new RangeError("Attempt to write outside buffer bounds");
		C || (C = "utf8");
		let F = !1;
		for (;;) switch (C) {
			case "hex": return v(this, a, l, E);
			case "utf8":
			case "utf-8": return B(this, a, l, E);
			case "ascii":
			case "latin1":
			case "binary": return D(this, a, l, E);
			case "base64": return L(this, a, l, E);
			case "ucs2":
			case "ucs-2":
			case "utf16le":
			case "utf-16le": return K(this, a, l, E);
			default:
				if (F) throw new TypeError("Unknown encoding: " + C);
				C = ("" + C).toLowerCase(), F = !0;
		}
	}, o.prototype.toJSON = function() {
		return {
			type: "Buffer",
			data: Array.prototype.slice.call(this._arr || this, 0)
		};
	};
	function U(p, a, l) {
		return a === 0 && l === p.length ? t.fromByteArray(p) : t.fromByteArray(p.slice(a, l));
	}
	function $(p, a, l) {
		l = Math.min(p.length, l);
		let E = [], C = a;
		for (; C < l;) {
			let N = p[C], F = null, k = N > 239 ? 4 : N > 223 ? 3 : N > 191 ? 2 : 1;
			if (C + k <= l) {
				let M, re, ie, oe;
				switch (k) {
					case 1:
						N < 128 && (F = N);
						break;
					case 2:
						M = p[C + 1], (M & 192) === 128 && (oe = (N & 31) << 6 | M & 63, oe > 127 && (F = oe));
						break;
					case 3:
						M = p[C + 1], re = p[C + 2], (M & 192) === 128 && (re & 192) === 128 && (oe = (N & 15) << 12 | (M & 63) << 6 | re & 63, oe > 2047 && (oe < 55296 || oe > 57343) && (F = oe));
						break;
					case 4: M = p[C + 1], re = p[C + 2], ie = p[C + 3], (M & 192) === 128 && (re & 192) === 128 && (ie & 192) === 128 && (oe = (N & 15) << 18 | (M & 63) << 12 | (re & 63) << 6 | ie & 63, oe > 65535 && oe < 1114112 && (F = oe));
				}
			}
			F === null ? (F = 65533, k = 1) : F > 65535 && (F -= 65536, E.push(F >>> 10 & 1023 | 55296), F = 56320 | F & 1023), E.push(F), C += k;
		}
		return J(E);
	}
	let G = 4096;
	function J(p) {
		let a = p.length;
		if (a <= G) return String.fromCharCode.apply(String, p);
		let l = "", E = 0;
		for (; E < a;) l += String.fromCharCode.apply(String, p.slice(E, E += G));
		return l;
	}
	function ee(p, a, l) {
		let E = "";
		l = Math.min(p.length, l);
		for (let C = a; C < l; ++C) E += String.fromCharCode(p[C] & 127);
		return E;
	}
	function z(p, a, l) {
		let E = "";
		l = Math.min(p.length, l);
		for (let C = a; C < l; ++C) E += String.fromCharCode(p[C]);
		return E;
	}
	function W(p, a, l) {
		let E = p.length;
		(!a || a < 0) && (a = 0), (!l || l < 0 || l > E) && (l = E);
		let C = "";
		for (let N = a; N < l; ++N) C += vo[p[N]];
		return C;
	}
	function te(p, a, l) {
		let E = p.slice(a, l), C = "";
		for (let N = 0; N < E.length - 1; N += 2) C += String.fromCharCode(E[N] + E[N + 1] * 256);
		return C;
	}
	o.prototype.slice = function(a, l) {
		let E = this.length;
		a = ~~a, l = l === void 0 ? E : ~~l, a < 0 ? (a += E, a < 0 && (a = 0)) : a > E && (a = E), l < 0 ? (l += E, l < 0 && (l = 0)) : l > E && (l = E), l < a && (l = a);
		let C = this.subarray(a, l);
		return Object.setPrototypeOf(C, o.prototype), C;
	};
	function Y(p, a, l) {
		if (p % 1 !== 0 || p < 0) throw new RangeError("offset is not uint");
		if (p + a > l) throw new RangeError("Trying to access beyond buffer length");
	}
	o.prototype.readUintLE = o.prototype.readUIntLE = function(a, l, E) {
		a = a >>> 0, l = l >>> 0, E || Y(a, l, this.length);
		let C = this[a], N = 1, F = 0;
		for (; ++F < l && (N *= 256);) C += this[a + F] * N;
		return C;
	}, o.prototype.readUintBE = o.prototype.readUIntBE = function(a, l, E) {
		a = a >>> 0, l = l >>> 0, E || Y(a, l, this.length);
		let C = this[a + --l], N = 1;
		for (; l > 0 && (N *= 256);) C += this[a + --l] * N;
		return C;
	}, o.prototype.readUint8 = o.prototype.readUInt8 = function(a, l) {
		return a = a >>> 0, l || Y(a, 1, this.length), this[a];
	}, o.prototype.readUint16LE = o.prototype.readUInt16LE = function(a, l) {
		return a = a >>> 0, l || Y(a, 2, this.length), this[a] | this[a + 1] << 8;
	}, o.prototype.readUint16BE = o.prototype.readUInt16BE = function(a, l) {
		return a = a >>> 0, l || Y(a, 2, this.length), this[a] << 8 | this[a + 1];
	}, o.prototype.readUint32LE = o.prototype.readUInt32LE = function(a, l) {
		return a = a >>> 0, l || Y(a, 4, this.length), (this[a] | this[a + 1] << 8 | this[a + 2] << 16) + this[a + 3] * 16777216;
	}, o.prototype.readUint32BE = o.prototype.readUInt32BE = function(a, l) {
		return a = a >>> 0, l || Y(a, 4, this.length), this[a] * 16777216 + (this[a + 1] << 16 | this[a + 2] << 8 | this[a + 3]);
	}, o.prototype.readBigUInt64LE = ot(function(a) {
		a = a >>> 0, xe(a, "offset");
		let l = this[a], E = this[a + 7];
		(l === void 0 || E === void 0) && it(a, this.length - 8);
		let C = l + this[++a] * 256 + this[++a] * 2 ** 16 + this[++a] * 2 ** 24, N = this[++a] + this[++a] * 256 + this[++a] * 2 ** 16 + E * 2 ** 24;
		return BigInt(C) + (BigInt(N) << BigInt(32));
	}), o.prototype.readBigUInt64BE = ot(function(a) {
		a = a >>> 0, xe(a, "offset");
		let l = this[a], E = this[a + 7];
		(l === void 0 || E === void 0) && it(a, this.length - 8);
		let C = l * 2 ** 24 + this[++a] * 2 ** 16 + this[++a] * 256 + this[++a], N = this[++a] * 2 ** 24 + this[++a] * 2 ** 16 + this[++a] * 256 + E;
		return (BigInt(C) << BigInt(32)) + BigInt(N);
	}), o.prototype.readIntLE = function(a, l, E) {
		a = a >>> 0, l = l >>> 0, E || Y(a, l, this.length);
		let C = this[a], N = 1, F = 0;
		for (; ++F < l && (N *= 256);) C += this[a + F] * N;
		return N *= 128, C >= N && (C -= Math.pow(2, 8 * l)), C;
	}, o.prototype.readIntBE = function(a, l, E) {
		a = a >>> 0, l = l >>> 0, E || Y(a, l, this.length);
		let C = l, N = 1, F = this[a + --C];
		for (; C > 0 && (N *= 256);) F += this[a + --C] * N;
		return N *= 128, F >= N && (F -= Math.pow(2, 8 * l)), F;
	}, o.prototype.readInt8 = function(a, l) {
		return a = a >>> 0, l || Y(a, 1, this.length), this[a] & 128 ? (255 - this[a] + 1) * -1 : this[a];
	}, o.prototype.readInt16LE = function(a, l) {
		a = a >>> 0, l || Y(a, 2, this.length);
		let E = this[a] | this[a + 1] << 8;
		return E & 32768 ? E | 4294901760 : E;
	}, o.prototype.readInt16BE = function(a, l) {
		a = a >>> 0, l || Y(a, 2, this.length);
		let E = this[a + 1] | this[a] << 8;
		return E & 32768 ? E | 4294901760 : E;
	}, o.prototype.readInt32LE = function(a, l) {
		return a = a >>> 0, l || Y(a, 4, this.length), this[a] | this[a + 1] << 8 | this[a + 2] << 16 | this[a + 3] << 24;
	}, o.prototype.readInt32BE = function(a, l) {
		return a = a >>> 0, l || Y(a, 4, this.length), this[a] << 24 | this[a + 1] << 16 | this[a + 2] << 8 | this[a + 3];
	}, o.prototype.readBigInt64LE = ot(function(a) {
		a = a >>> 0, xe(a, "offset");
		let l = this[a], E = this[a + 7];
		(l === void 0 || E === void 0) && it(a, this.length - 8);
		let C = this[a + 4] + this[a + 5] * 256 + this[a + 6] * 2 ** 16 + (E << 24);
		return (BigInt(C) << BigInt(32)) + BigInt(l + this[++a] * 256 + this[++a] * 2 ** 16 + this[++a] * 2 ** 24);
	}), o.prototype.readBigInt64BE = ot(function(a) {
		a = a >>> 0, xe(a, "offset");
		let l = this[a], E = this[a + 7];
		(l === void 0 || E === void 0) && it(a, this.length - 8);
		let C = (l << 24) + this[++a] * 2 ** 16 + this[++a] * 256 + this[++a];
		return (BigInt(C) << BigInt(32)) + BigInt(this[++a] * 2 ** 24 + this[++a] * 2 ** 16 + this[++a] * 256 + E);
	}), o.prototype.readFloatLE = function(a, l) {
		return a = a >>> 0, l || Y(a, 4, this.length), e.read(this, a, !0, 23, 4);
	}, o.prototype.readFloatBE = function(a, l) {
		return a = a >>> 0, l || Y(a, 4, this.length), e.read(this, a, !1, 23, 4);
	}, o.prototype.readDoubleLE = function(a, l) {
		return a = a >>> 0, l || Y(a, 8, this.length), e.read(this, a, !0, 52, 8);
	}, o.prototype.readDoubleBE = function(a, l) {
		return a = a >>> 0, l || Y(a, 8, this.length), e.read(this, a, !1, 52, 8);
	};
	function X(p, a, l, E, C, N) {
		if (!o.isBuffer(p)) throw new TypeError("\"buffer\" argument must be a Buffer instance");
		if (a > C || a < N) throw new RangeError("\"value\" argument is out of bounds");
		if (l + E > p.length) throw new RangeError("Index out of range");
	}
	o.prototype.writeUintLE = o.prototype.writeUIntLE = function(a, l, E, C) {
		if (a = +a, l = l >>> 0, E = E >>> 0, !C) {
			let k = Math.pow(2, 8 * E) - 1;
			X(this, a, l, E, k, 0);
		}
		let N = 1, F = 0;
		for (this[l] = a & 255; ++F < E && (N *= 256);) this[l + F] = a / N & 255;
		return l + E;
	}, o.prototype.writeUintBE = o.prototype.writeUIntBE = function(a, l, E, C) {
		if (a = +a, l = l >>> 0, E = E >>> 0, !C) {
			let k = Math.pow(2, 8 * E) - 1;
			X(this, a, l, E, k, 0);
		}
		let N = E - 1, F = 1;
		for (this[l + N] = a & 255; --N >= 0 && (F *= 256);) this[l + N] = a / F & 255;
		return l + E;
	}, o.prototype.writeUint8 = o.prototype.writeUInt8 = function(a, l, E) {
		return a = +a, l = l >>> 0, E || X(this, a, l, 1, 255, 0), this[l] = a & 255, l + 1;
	}, o.prototype.writeUint16LE = o.prototype.writeUInt16LE = function(a, l, E) {
		return a = +a, l = l >>> 0, E || X(this, a, l, 2, 65535, 0), this[l] = a & 255, this[l + 1] = a >>> 8, l + 2;
	}, o.prototype.writeUint16BE = o.prototype.writeUInt16BE = function(a, l, E) {
		return a = +a, l = l >>> 0, E || X(this, a, l, 2, 65535, 0), this[l] = a >>> 8, this[l + 1] = a & 255, l + 2;
	}, o.prototype.writeUint32LE = o.prototype.writeUInt32LE = function(a, l, E) {
		return a = +a, l = l >>> 0, E || X(this, a, l, 4, 4294967295, 0), this[l + 3] = a >>> 24, this[l + 2] = a >>> 16, this[l + 1] = a >>> 8, this[l] = a & 255, l + 4;
	}, o.prototype.writeUint32BE = o.prototype.writeUInt32BE = function(a, l, E) {
		return a = +a, l = l >>> 0, E || X(this, a, l, 4, 4294967295, 0), this[l] = a >>> 24, this[l + 1] = a >>> 16, this[l + 2] = a >>> 8, this[l + 3] = a & 255, l + 4;
	};
	function ce(p, a, l, E, C) {
		Oe(a, E, C, p, l, 7);
		let N = Number(a & BigInt(4294967295));
		p[l++] = N, N = N >> 8, p[l++] = N, N = N >> 8, p[l++] = N, N = N >> 8, p[l++] = N;
		let F = Number(a >> BigInt(32) & BigInt(4294967295));
		return p[l++] = F, F = F >> 8, p[l++] = F, F = F >> 8, p[l++] = F, F = F >> 8, p[l++] = F, l;
	}
	function Z(p, a, l, E, C) {
		Oe(a, E, C, p, l, 7);
		let N = Number(a & BigInt(4294967295));
		p[l + 7] = N, N = N >> 8, p[l + 6] = N, N = N >> 8, p[l + 5] = N, N = N >> 8, p[l + 4] = N;
		let F = Number(a >> BigInt(32) & BigInt(4294967295));
		return p[l + 3] = F, F = F >> 8, p[l + 2] = F, F = F >> 8, p[l + 1] = F, F = F >> 8, p[l] = F, l + 8;
	}
	o.prototype.writeBigUInt64LE = ot(function(a, l = 0) {
		return ce(this, a, l, BigInt(0), BigInt("0xffffffffffffffff"));
	}), o.prototype.writeBigUInt64BE = ot(function(a, l = 0) {
		return Z(this, a, l, BigInt(0), BigInt("0xffffffffffffffff"));
	}), o.prototype.writeIntLE = function(a, l, E, C) {
		if (a = +a, l = l >>> 0, !C) {
			let M = Math.pow(2, 8 * E - 1);
			X(this, a, l, E, M - 1, -M);
		}
		let N = 0, F = 1, k = 0;
		for (this[l] = a & 255; ++N < E && (F *= 256);) a < 0 && k === 0 && this[l + N - 1] !== 0 && (k = 1), this[l + N] = (a / F >> 0) - k & 255;
		return l + E;
	}, o.prototype.writeIntBE = function(a, l, E, C) {
		if (a = +a, l = l >>> 0, !C) {
			let M = Math.pow(2, 8 * E - 1);
			X(this, a, l, E, M - 1, -M);
		}
		let N = E - 1, F = 1, k = 0;
		for (this[l + N] = a & 255; --N >= 0 && (F *= 256);) a < 0 && k === 0 && this[l + N + 1] !== 0 && (k = 1), this[l + N] = (a / F >> 0) - k & 255;
		return l + E;
	}, o.prototype.writeInt8 = function(a, l, E) {
		return a = +a, l = l >>> 0, E || X(this, a, l, 1, 127, -128), a < 0 && (a = 255 + a + 1), this[l] = a & 255, l + 1;
	}, o.prototype.writeInt16LE = function(a, l, E) {
		return a = +a, l = l >>> 0, E || X(this, a, l, 2, 32767, -32768), this[l] = a & 255, this[l + 1] = a >>> 8, l + 2;
	}, o.prototype.writeInt16BE = function(a, l, E) {
		return a = +a, l = l >>> 0, E || X(this, a, l, 2, 32767, -32768), this[l] = a >>> 8, this[l + 1] = a & 255, l + 2;
	}, o.prototype.writeInt32LE = function(a, l, E) {
		return a = +a, l = l >>> 0, E || X(this, a, l, 4, 2147483647, -2147483648), this[l] = a & 255, this[l + 1] = a >>> 8, this[l + 2] = a >>> 16, this[l + 3] = a >>> 24, l + 4;
	}, o.prototype.writeInt32BE = function(a, l, E) {
		return a = +a, l = l >>> 0, E || X(this, a, l, 4, 2147483647, -2147483648), a < 0 && (a = 4294967295 + a + 1), this[l] = a >>> 24, this[l + 1] = a >>> 16, this[l + 2] = a >>> 8, this[l + 3] = a & 255, l + 4;
	}, o.prototype.writeBigInt64LE = ot(function(a, l = 0) {
		return ce(this, a, l, -BigInt("0x8000000000000000"), BigInt("0x7fffffffffffffff"));
	}), o.prototype.writeBigInt64BE = ot(function(a, l = 0) {
		return Z(this, a, l, -BigInt("0x8000000000000000"), BigInt("0x7fffffffffffffff"));
	});
	function ne(p, a, l, E, C, N) {
		if (l + E > p.length) throw new RangeError("Index out of range");
		if (l < 0) throw new RangeError("Index out of range");
	}
	function de(p, a, l, E, C) {
		return a = +a, l = l >>> 0, C || ne(p, a, l, 4), e.write(p, a, l, E, 23, 4), l + 4;
	}
	o.prototype.writeFloatLE = function(a, l, E) {
		return de(this, a, l, !0, E);
	}, o.prototype.writeFloatBE = function(a, l, E) {
		return de(this, a, l, !1, E);
	};
	function be(p, a, l, E, C) {
		return a = +a, l = l >>> 0, C || ne(p, a, l, 8), e.write(p, a, l, E, 52, 8), l + 8;
	}
	o.prototype.writeDoubleLE = function(a, l, E) {
		return be(this, a, l, !0, E);
	}, o.prototype.writeDoubleBE = function(a, l, E) {
		return be(this, a, l, !1, E);
	}, o.prototype.copy = function(a, l, E, C) {
		if (!o.isBuffer(a)) throw new TypeError("argument should be a Buffer");
		if (E || (E = 0), !C && C !== 0 && (C = this.length), l >= a.length && (l = a.length), l || (l = 0), C > 0 && C < E && (C = E), C === E || a.length === 0 || this.length === 0) return 0;
		if (l < 0) throw new RangeError("targetStart out of bounds");
		if (E < 0 || E >= this.length) throw new RangeError("Index out of range");
		if (C < 0) throw new RangeError("sourceEnd out of bounds");
		C > this.length && (C = this.length), a.length - l < C - E && (C = a.length - l + E);
		let N = C - E;
		return this === a && typeof Uint8Array.prototype.copyWithin == "function" ? this.copyWithin(l, E, C) : Uint8Array.prototype.set.call(a, this.subarray(E, C), l), N;
	}, o.prototype.fill = function(a, l, E, C) {
		if (typeof a == "string") {
			if (typeof l == "string" ? (C = l, l = 0, E = this.length) : typeof E == "string" && (C = E, E = this.length), C !== void 0 && typeof C != "string") throw new TypeError("encoding must be a string");
			if (typeof C == "string" && !o.isEncoding(C)) throw new TypeError("Unknown encoding: " + C);
			if (a.length === 1) {
				let F = a.charCodeAt(0);
				(C === "utf8" && F < 128 || C === "latin1") && (a = F);
			}
		} else typeof a == "number" ? a = a & 255 : typeof a == "boolean" && (a = Number(a));
		if (l < 0 || this.length < l || this.length < E) throw new RangeError("Out of range index");
		if (E <= l) return this;
		l = l >>> 0, E = E === void 0 ? this.length : E >>> 0, a || (a = 0);
		let N;
		if (typeof a == "number") for (N = l; N < E; ++N) this[N] = a;
		else {
			let F = o.isBuffer(a) ? a : o.from(a, C), k = F.length;
			if (k === 0) throw new TypeError("The value \"" + a + "\" is invalid for argument \"value\"");
			for (N = 0; N < E - l; ++N) this[N + l] = F[N % k];
		}
		return this;
	};
	let ge = {};
	function Ae(p, a, l) {
		ge[p] = class extends l {
			constructor() {
				super(), Object.defineProperty(this, "message", {
					value: a.apply(this, arguments),
					writable: !0,
					configurable: !0
				}), this.name = `${this.name} [${p}]`, this.stack, delete this.name;
			}
			get code() {
				return p;
			}
			set code(C) {
				Object.defineProperty(this, "code", {
					configurable: !0,
					enumerable: !0,
					value: C,
					writable: !0
				});
			}
			toString() {
				return `${this.name} [${p}]: ${this.message}`;
			}
		};
	}
	Ae("ERR_BUFFER_OUT_OF_BOUNDS", function(p) {
		return p ? `${p} is outside of buffer bounds` : "Attempt to access memory outside buffer bounds";
	}, RangeError), Ae("ERR_INVALID_ARG_TYPE", function(p, a) {
		return `The "${p}" argument must be of type number. Received type ${typeof a}`;
	}, TypeError), Ae("ERR_OUT_OF_RANGE", function(p, a, l) {
		let E = `The value of "${p}" is out of range.`, C = l;
		return Number.isInteger(l) && Math.abs(l) > 2 ** 32 ? C = we(String(l)) : typeof l == "bigint" && (C = String(l), (l > BigInt(2) ** BigInt(32) || l < -(BigInt(2) ** BigInt(32))) && (C = we(C)), C += "n"), E += ` It must be ${a}. Received ${C}`, E;
	}, RangeError);
	function we(p) {
		let a = "", l = p.length, E = p[0] === "-" ? 1 : 0;
		for (; l >= E + 4; l -= 3) a = `_${p.slice(l - 3, l)}${a}`;
		return `${p.slice(0, l)}${a}`;
	}
	function ve(p, a, l) {
		xe(a, "offset"), (p[a] === void 0 || p[a + l] === void 0) && it(a, p.length - (l + 1));
	}
	function Oe(p, a, l, E, C, N) {
		if (p > l || p < a) {
			let F = typeof a == "bigint" ? "n" : "", k;
			throw a === 0 || a === BigInt(0) ? k = `>= 0${F} and < 2${F} ** ${(N + 1) * 8}${F}` : k = `>= -(2${F} ** ${(N + 1) * 8 - 1}${F}) and < 2 ** ${(N + 1) * 8 - 1}${F}`, new ge.ERR_OUT_OF_RANGE("value", k, p);
		}
		ve(E, C, N);
	}
	function xe(p, a) {
		if (typeof p != "number") throw new ge.ERR_INVALID_ARG_TYPE(a, "number", p);
	}
	function it(p, a, l) {
		throw Math.floor(p) !== p ? (xe(p, l), new ge.ERR_OUT_OF_RANGE("offset", "an integer", p)) : a < 0 ? new ge.ERR_BUFFER_OUT_OF_BOUNDS() : new ge.ERR_OUT_OF_RANGE("offset", `>= 0 and <= ${a}`, p);
	}
	let Re = /[^+/0-9A-Za-z-_]/g;
	function Ne(p) {
		if (p = p.split("=")[0], p = p.trim().replace(Re, ""), p.length < 2) return "";
		for (; p.length % 4 !== 0;) p = p + "=";
		return p;
	}
	function St(p, a) {
		a = a || 1 / 0;
		let l, E = p.length, C = null, N = [];
		for (let F = 0; F < E; ++F) {
			if (l = p.charCodeAt(F), l > 55295 && l < 57344) {
				if (!C) {
					if (l > 56319) {
						(a -= 3) > -1 && N.push(239, 191, 189);
						continue;
					} else if (F + 1 === E) {
						(a -= 3) > -1 && N.push(239, 191, 189);
						continue;
					}
					C = l;
					continue;
				}
				if (l < 56320) {
					(a -= 3) > -1 && N.push(239, 191, 189), C = l;
					continue;
				}
				l = (C - 55296 << 10 | l - 56320) + 65536;
			} else C && (a -= 3) > -1 && N.push(239, 191, 189);
			if (C = null, l < 128) {
				if ((a -= 1) < 0) break;
				N.push(l);
			} else if (l < 2048) {
				if ((a -= 2) < 0) break;
				N.push(l >> 6 | 192, l & 63 | 128);
			} else if (l < 65536) {
				if ((a -= 3) < 0) break;
				N.push(l >> 12 | 224, l >> 6 & 63 | 128, l & 63 | 128);
			} else if (l < 1114112) {
				if ((a -= 4) < 0) break;
				N.push(l >> 18 | 240, l >> 12 & 63 | 128, l >> 6 & 63 | 128, l & 63 | 128);
			} else throw new Error("Invalid code point");
		}
		return N;
	}
	function Et(p) {
		let a = [];
		for (let l = 0; l < p.length; ++l) a.push(p.charCodeAt(l) & 255);
		return a;
	}
	function cn(p, a) {
		let l, E, C, N = [];
		for (let F = 0; F < p.length && !((a -= 2) < 0); ++F) l = p.charCodeAt(F), E = l >> 8, C = l % 256, N.push(C), N.push(E);
		return N;
	}
	function li(p) {
		return t.toByteArray(Ne(p));
	}
	function Rr(p, a, l, E) {
		let C = 0;
		for (; C < E && !(C + l >= a.length || C >= p.length); ++C) a[C + l] = p[C];
		return C;
	}
	function Xe(p, a) {
		return p instanceof a || p != null && p.constructor != null && p.constructor.name != null && p.constructor.name === a.name;
	}
	function fn(p) {
		return p !== p;
	}
	let vo = (function() {
		let p = "0123456789abcdef", a = new Array(256);
		for (let l = 0; l < 16; ++l) {
			let E = l * 16;
			for (let C = 0; C < 16; ++C) a[E + C] = p[l] + p[C];
		}
		return a;
	})();
	function ot(p) {
		return typeof BigInt > "u" ? So : p;
	}
	function So() {
		throw new Error("BigInt not supported");
	}
	return cr;
}
var hn;
var vc;
var gi;
var Sc;
var cr;
var Ec;
var Ic = ze(() => {
	x();
	P();
	T();
	hn = {}, vc = !1;
	gi = {}, Sc = !1;
	cr = {}, Ec = !1;
});
var Le = {};
Mr(Le, {
	Buffer: () => V,
	INSPECT_MAX_BYTES: () => My,
	default: () => Wt,
	kMaxLength: () => By
});
var Wt;
var V;
var My;
var By;
var ke = ze(() => {
	x();
	P();
	T();
	Ic();
	Wt = Ac();
	Wt.Buffer;
	Wt.SlowBuffer;
	Wt.INSPECT_MAX_BYTES;
	Wt.kMaxLength;
	V = Wt.Buffer, My = Wt.INSPECT_MAX_BYTES, By = Wt.kMaxLength;
});
var P = ze(() => {
	ke();
});
var Ee = H((gx, xc) => {
	"use strict";
	x();
	P();
	T();
	var Bo = class extends Error {
		constructor(e) {
			if (!Array.isArray(e)) throw new TypeError(`Expected input to be an Array, got ${typeof e}`);
			let r = "";
			for (let n = 0; n < e.length; n++) r += `    ${e[n].stack}
`;
			super(r), this.name = "AggregateError", this.errors = e;
		}
	};
	xc.exports = {
		AggregateError: Bo,
		ArrayIsArray(t) {
			return Array.isArray(t);
		},
		ArrayPrototypeIncludes(t, e) {
			return t.includes(e);
		},
		ArrayPrototypeIndexOf(t, e) {
			return t.indexOf(e);
		},
		ArrayPrototypeJoin(t, e) {
			return t.join(e);
		},
		ArrayPrototypeMap(t, e) {
			return t.map(e);
		},
		ArrayPrototypePop(t, e) {
			return t.pop(e);
		},
		ArrayPrototypePush(t, e) {
			return t.push(e);
		},
		ArrayPrototypeSlice(t, e, r) {
			return t.slice(e, r);
		},
		Error,
		FunctionPrototypeCall(t, e, ...r) {
			return t.call(e, ...r);
		},
		FunctionPrototypeSymbolHasInstance(t, e) {
			return Function.prototype[Symbol.hasInstance].call(t, e);
		},
		MathFloor: Math.floor,
		Number,
		NumberIsInteger: Number.isInteger,
		NumberIsNaN: Number.isNaN,
		NumberMAX_SAFE_INTEGER: Number.MAX_SAFE_INTEGER,
		NumberMIN_SAFE_INTEGER: Number.MIN_SAFE_INTEGER,
		NumberParseInt: Number.parseInt,
		ObjectDefineProperties(t, e) {
			return Object.defineProperties(t, e);
		},
		ObjectDefineProperty(t, e, r) {
			return Object.defineProperty(t, e, r);
		},
		ObjectGetOwnPropertyDescriptor(t, e) {
			return Object.getOwnPropertyDescriptor(t, e);
		},
		ObjectKeys(t) {
			return Object.keys(t);
		},
		ObjectSetPrototypeOf(t, e) {
			return Object.setPrototypeOf(t, e);
		},
		Promise,
		PromisePrototypeCatch(t, e) {
			return t.catch(e);
		},
		PromisePrototypeThen(t, e, r) {
			return t.then(e, r);
		},
		PromiseReject(t) {
			return Promise.reject(t);
		},
		PromiseResolve(t) {
			return Promise.resolve(t);
		},
		ReflectApply: Reflect.apply,
		RegExpPrototypeTest(t, e) {
			return t.test(e);
		},
		SafeSet: Set,
		String,
		StringPrototypeSlice(t, e, r) {
			return t.slice(e, r);
		},
		StringPrototypeToLowerCase(t) {
			return t.toLowerCase();
		},
		StringPrototypeToUpperCase(t) {
			return t.toUpperCase();
		},
		StringPrototypeTrim(t) {
			return t.trim();
		},
		Symbol,
		SymbolFor: Symbol.for,
		SymbolAsyncIterator: Symbol.asyncIterator,
		SymbolHasInstance: Symbol.hasInstance,
		SymbolIterator: Symbol.iterator,
		SymbolDispose: Symbol.dispose || Symbol("Symbol.dispose"),
		SymbolAsyncDispose: Symbol.asyncDispose || Symbol("Symbol.asyncDispose"),
		TypedArrayPrototypeSet(t, e, r) {
			return t.set(e, r);
		},
		Boolean,
		Uint8Array
	};
});
var No = H((xx, Tc) => {
	"use strict";
	x();
	P();
	T();
	Tc.exports = {
		format(t, ...e) {
			return t.replace(/%([sdifj])/g, function(...[r, n]) {
				let i = e.shift();
				return n === "f" ? i.toFixed(6) : n === "j" ? JSON.stringify(i) : n === "s" && typeof i == "object" ? `${i.constructor !== Object ? i.constructor.name : ""} {}`.trim() : i.toString();
			});
		},
		inspect(t) {
			switch (typeof t) {
				case "string":
					if (t.includes("'")) if (t.includes("\"")) {
						if (!t.includes("`") && !t.includes("${")) return `\`${t}\``;
					} else return `"${t}"`;
					return `'${t}'`;
				case "number": return isNaN(t) ? "NaN" : Object.is(t, -0) ? String(t) : t;
				case "bigint": return `${String(t)}n`;
				case "boolean":
				case "undefined": return String(t);
				case "object": return "{}";
			}
		}
	};
});
var Ue = H((Lx, Rc) => {
	"use strict";
	x();
	P();
	T();
	var { format: Ny, inspect: yi } = No(), { AggregateError: Ly } = Ee(), qy = globalThis.AggregateError || Ly, Dy = Symbol("kIsNodeError"), Uy = [
		"string",
		"function",
		"number",
		"object",
		"Function",
		"Object",
		"boolean",
		"bigint",
		"symbol"
	], Fy = /^([A-Z][a-z0-9]*)+$/, jy = "__node_internal_", bi = {};
	function fr(t, e) {
		if (!t) throw new bi.ERR_INTERNAL_ASSERTION(e);
	}
	function Pc(t) {
		let e = "", r = t.length, n = t[0] === "-" ? 1 : 0;
		for (; r >= n + 4; r -= 3) e = `_${t.slice(r - 3, r)}${e}`;
		return `${t.slice(0, r)}${e}`;
	}
	function $y(t, e, r) {
		if (typeof e == "function") return fr(e.length <= r.length, `Code: ${t}; The provided arguments length (${r.length}) does not match the required ones (${e.length}).`), e(...r);
		let n = (e.match(/%[dfijoOs]/g) || []).length;
		return fr(n === r.length, `Code: ${t}; The provided arguments length (${r.length}) does not match the required ones (${n}).`), r.length === 0 ? e : Ny(e, ...r);
	}
	function qe(t, e, r) {
		r || (r = Error);
		class n extends r {
			constructor(...s) {
				super($y(t, e, s));
			}
			toString() {
				return `${this.name} [${t}]: ${this.message}`;
			}
		}
		Object.defineProperties(n.prototype, {
			name: {
				value: r.name,
				writable: !0,
				enumerable: !1,
				configurable: !0
			},
			toString: {
				value() {
					return `${this.name} [${t}]: ${this.message}`;
				},
				writable: !0,
				enumerable: !1,
				configurable: !0
			}
		}), n.prototype.code = t, n.prototype[Dy] = !0, bi[t] = n;
	}
	function Oc(t) {
		let e = jy + t.name;
		return Object.defineProperty(t, "name", { value: e }), t;
	}
	function Wy(t, e) {
		if (t && e && t !== e) {
			if (Array.isArray(e.errors)) return e.errors.push(t), e;
			let r = new qy([e, t], e.message);
			return r.code = e.code, r;
		}
		return t || e;
	}
	var Lo = class extends Error {
		constructor(e = "The operation was aborted", r = void 0) {
			if (r !== void 0 && typeof r != "object") throw new bi.ERR_INVALID_ARG_TYPE("options", "Object", r);
			super(e, r), this.code = "ABORT_ERR", this.name = "AbortError";
		}
	};
	qe("ERR_ASSERTION", "%s", Error);
	qe("ERR_INVALID_ARG_TYPE", (t, e, r) => {
		fr(typeof t == "string", "'name' must be a string"), Array.isArray(e) || (e = [e]);
		let n = "The ";
		t.endsWith(" argument") ? n += `${t} ` : n += `"${t}" ${t.includes(".") ? "property" : "argument"} `, n += "must be ";
		let i = [], s = [], o = [];
		for (let c of e) fr(typeof c == "string", "All expected entries have to be of type string"), Uy.includes(c) ? i.push(c.toLowerCase()) : Fy.test(c) ? s.push(c) : (fr(c !== "object", "The value \"object\" should be written as \"Object\""), o.push(c));
		if (s.length > 0) {
			let c = i.indexOf("object");
			c !== -1 && (i.splice(i, c, 1), s.push("Object"));
		}
		if (i.length > 0) {
			switch (i.length) {
				case 1:
					n += `of type ${i[0]}`;
					break;
				case 2:
					n += `one of type ${i[0]} or ${i[1]}`;
					break;
				default: {
					let c = i.pop();
					n += `one of type ${i.join(", ")}, or ${c}`;
				}
			}
			(s.length > 0 || o.length > 0) && (n += " or ");
		}
		if (s.length > 0) {
			switch (s.length) {
				case 1:
					n += `an instance of ${s[0]}`;
					break;
				case 2:
					n += `an instance of ${s[0]} or ${s[1]}`;
					break;
				default: {
					let c = s.pop();
					n += `an instance of ${s.join(", ")}, or ${c}`;
				}
			}
			o.length > 0 && (n += " or ");
		}
		switch (o.length) {
			case 0: break;
			case 1:
				o[0].toLowerCase() !== o[0] && (n += "an "), n += `${o[0]}`;
				break;
			case 2:
				n += `one of ${o[0]} or ${o[1]}`;
				break;
			default: {
				let c = o.pop();
				n += `one of ${o.join(", ")}, or ${c}`;
			}
		}
		if (r == null) n += `. Received ${r}`;
		else if (typeof r == "function" && r.name) n += `. Received function ${r.name}`;
		else if (typeof r == "object") {
			var u;
			if ((u = r.constructor) !== null && u !== void 0 && u.name) n += `. Received an instance of ${r.constructor.name}`;
			else {
				let c = yi(r, { depth: -1 });
				n += `. Received ${c}`;
			}
		} else {
			let c = yi(r, { colors: !1 });
			c.length > 25 && (c = `${c.slice(0, 25)}...`), n += `. Received type ${typeof r} (${c})`;
		}
		return n;
	}, TypeError);
	qe("ERR_INVALID_ARG_VALUE", (t, e, r = "is invalid") => {
		let n = yi(e);
		return n.length > 128 && (n = n.slice(0, 128) + "..."), `The ${t.includes(".") ? "property" : "argument"} '${t}' ${r}. Received ${n}`;
	}, TypeError);
	qe("ERR_INVALID_RETURN_VALUE", (t, e, r) => {
		var n;
		return `Expected ${t} to be returned from the "${e}" function but got ${r != null && (n = r.constructor) !== null && n !== void 0 && n.name ? `instance of ${r.constructor.name}` : `type ${typeof r}`}.`;
	}, TypeError);
	qe("ERR_MISSING_ARGS", (...t) => {
		fr(t.length > 0, "At least one arg needs to be specified");
		let e, r = t.length;
		switch (t = (Array.isArray(t) ? t : [t]).map((n) => `"${n}"`).join(" or "), r) {
			case 1:
				e += `The ${t[0]} argument`;
				break;
			case 2:
				e += `The ${t[0]} and ${t[1]} arguments`;
				break;
			default: {
				let n = t.pop();
				e += `The ${t.join(", ")}, and ${n} arguments`;
			}
		}
		return `${e} must be specified`;
	}, TypeError);
	qe("ERR_OUT_OF_RANGE", (t, e, r) => {
		fr(e, "Missing \"range\" argument");
		let n;
		if (Number.isInteger(r) && Math.abs(r) > 2 ** 32) n = Pc(String(r));
		else if (typeof r == "bigint") {
			n = String(r);
			let i = BigInt(2) ** BigInt(32);
			(r > i || r < -i) && (n = Pc(n)), n += "n";
		} else n = yi(r);
		return `The value of "${t}" is out of range. It must be ${e}. Received ${n}`;
	}, RangeError);
	qe("ERR_MULTIPLE_CALLBACK", "Callback called multiple times", Error);
	qe("ERR_METHOD_NOT_IMPLEMENTED", "The %s method is not implemented", Error);
	qe("ERR_STREAM_ALREADY_FINISHED", "Cannot call %s after a stream was finished", Error);
	qe("ERR_STREAM_CANNOT_PIPE", "Cannot pipe, not readable", Error);
	qe("ERR_STREAM_DESTROYED", "Cannot call %s after a stream was destroyed", Error);
	qe("ERR_STREAM_NULL_VALUES", "May not write null values to stream", TypeError);
	qe("ERR_STREAM_PREMATURE_CLOSE", "Premature close", Error);
	qe("ERR_STREAM_PUSH_AFTER_EOF", "stream.push() after EOF", Error);
	qe("ERR_STREAM_UNSHIFT_AFTER_END_EVENT", "stream.unshift() after end event", Error);
	qe("ERR_STREAM_WRITE_AFTER_END", "write after end", Error);
	qe("ERR_UNKNOWN_ENCODING", "Unknown encoding: %s", TypeError);
	Rc.exports = {
		AbortError: Lo,
		aggregateTwoErrors: Oc(Wy),
		hideStackFrames: Oc,
		codes: bi
	};
});
var Nr = H((zx, mi) => {
	"use strict";
	x();
	P();
	T();
	var { AbortController: kc, AbortSignal: Vy } = typeof self < "u" ? self : typeof window < "u" ? window : void 0;
	mi.exports = kc;
	mi.exports.AbortSignal = Vy;
	mi.exports.default = kc;
});
var Vt = {};
Mr(Vt, {
	EventEmitter: () => zy,
	default: () => pn,
	defaultMaxListeners: () => Gy,
	init: () => Qy,
	listenerCount: () => Ky,
	on: () => Yy,
	once: () => Jy
});
function Hy() {
	if (Cc) return _i;
	Cc = !0;
	var t = typeof Reflect == "object" ? Reflect : null, e = t && typeof t.apply == "function" ? t.apply : function(g, O, v) {
		return Function.prototype.apply.call(g, O, v);
	}, r;
	t && typeof t.ownKeys == "function" ? r = t.ownKeys : Object.getOwnPropertySymbols ? r = function(g) {
		return Object.getOwnPropertyNames(g).concat(Object.getOwnPropertySymbols(g));
	} : r = function(g) {
		return Object.getOwnPropertyNames(g);
	};
	function n(A) {
		console && console.warn && console.warn(A);
	}
	var i = Number.isNaN || function(g) {
		return g !== g;
	};
	function s() {
		s.init.call(this);
	}
	_i = s, _i.once = m, s.EventEmitter = s, s.prototype._events = void 0, s.prototype._eventsCount = 0, s.prototype._maxListeners = void 0;
	var o = 10;
	function u(A) {
		if (typeof A != "function") throw new TypeError("The \"listener\" argument must be of type Function. Received type " + typeof A);
	}
	Object.defineProperty(s, "defaultMaxListeners", {
		enumerable: !0,
		get: function() {
			return o;
		},
		set: function(A) {
			if (typeof A != "number" || A < 0 || i(A)) throw new RangeError("The value of \"defaultMaxListeners\" is out of range. It must be a non-negative number. Received " + A + ".");
			o = A;
		}
	}), s.init = function() {
		(this._events === void 0 || this._events === Object.getPrototypeOf(this)._events) && (this._events = Object.create(null), this._eventsCount = 0), this._maxListeners = this._maxListeners || void 0;
	}, s.prototype.setMaxListeners = function(g) {
		if (typeof g != "number" || g < 0 || i(g)) throw new RangeError("The value of \"n\" is out of range. It must be a non-negative number. Received " + g + ".");
		return this._maxListeners = g, this;
	};
	function c(A) {
		return A._maxListeners === void 0 ? s.defaultMaxListeners : A._maxListeners;
	}
	s.prototype.getMaxListeners = function() {
		return c(this);
	}, s.prototype.emit = function(g) {
		for (var O = [], v = 1; v < arguments.length; v++) O.push(arguments[v]);
		var B = g === "error", D = this._events;
		if (D !== void 0) B = B && D.error === void 0;
		else if (!B) return !1;
		if (B) {
			var L;
			if (O.length > 0 && (L = O[0]), L instanceof Error) throw L;
			var K = /* @__PURE__ */ new Error("Unhandled error." + (L ? " (" + L.message + ")" : ""));
			throw K.context = L, K;
		}
		var U = D[g];
		if (U === void 0) return !1;
		if (typeof U == "function") e(U, this, O);
		else for (var $ = U.length, G = I(U, $), v = 0; v < $; ++v) e(G[v], this, O);
		return !0;
	};
	function f(A, g, O, v) {
		var B, D, L;
		if (u(O), D = A._events, D === void 0 ? (D = A._events = Object.create(null), A._eventsCount = 0) : (D.newListener !== void 0 && (A.emit("newListener", g, O.listener ? O.listener : O), D = A._events), L = D[g]), L === void 0) L = D[g] = O, ++A._eventsCount;
		else if (typeof L == "function" ? L = D[g] = v ? [O, L] : [L, O] : v ? L.unshift(O) : L.push(O), B = c(A), B > 0 && L.length > B && !L.warned) {
			L.warned = !0;
			var K = /* @__PURE__ */ new Error("Possible EventEmitter memory leak detected. " + L.length + " " + String(g) + " listeners added. Use emitter.setMaxListeners() to increase limit");
			K.name = "MaxListenersExceededWarning", K.emitter = A, K.type = g, K.count = L.length, n(K);
		}
		return A;
	}
	s.prototype.addListener = function(g, O) {
		return f(this, g, O, !1);
	}, s.prototype.on = s.prototype.addListener, s.prototype.prependListener = function(g, O) {
		return f(this, g, O, !0);
	};
	function d() {
		if (!this.fired) return this.target.removeListener(this.type, this.wrapFn), this.fired = !0, arguments.length === 0 ? this.listener.call(this.target) : this.listener.apply(this.target, arguments);
	}
	function h(A, g, O) {
		var v = {
			fired: !1,
			wrapFn: void 0,
			target: A,
			type: g,
			listener: O
		}, B = d.bind(v);
		return B.listener = O, v.wrapFn = B, B;
	}
	s.prototype.once = function(g, O) {
		return u(O), this.on(g, h(this, g, O)), this;
	}, s.prototype.prependOnceListener = function(g, O) {
		return u(O), this.prependListener(g, h(this, g, O)), this;
	}, s.prototype.removeListener = function(g, O) {
		var v, B, D, L, K;
		if (u(O), B = this._events, B === void 0) return this;
		if (v = B[g], v === void 0) return this;
		if (v === O || v.listener === O) --this._eventsCount === 0 ? this._events = Object.create(null) : (delete B[g], B.removeListener && this.emit("removeListener", g, v.listener || O));
		else if (typeof v != "function") {
			for (D = -1, L = v.length - 1; L >= 0; L--) if (v[L] === O || v[L].listener === O) {
				K = v[L].listener, D = L;
				break;
			}
			if (D < 0) return this;
			D === 0 ? v.shift() : S(v, D), v.length === 1 && (B[g] = v[0]), B.removeListener !== void 0 && this.emit("removeListener", g, K || O);
		}
		return this;
	}, s.prototype.off = s.prototype.removeListener, s.prototype.removeAllListeners = function(g) {
		var O, v = this._events, B;
		if (v === void 0) return this;
		if (v.removeListener === void 0) return arguments.length === 0 ? (this._events = Object.create(null), this._eventsCount = 0) : v[g] !== void 0 && (--this._eventsCount === 0 ? this._events = Object.create(null) : delete v[g]), this;
		if (arguments.length === 0) {
			var D = Object.keys(v), L;
			for (B = 0; B < D.length; ++B) L = D[B], L !== "removeListener" && this.removeAllListeners(L);
			return this.removeAllListeners("removeListener"), this._events = Object.create(null), this._eventsCount = 0, this;
		}
		if (O = v[g], typeof O == "function") this.removeListener(g, O);
		else if (O !== void 0) for (B = O.length - 1; B >= 0; B--) this.removeListener(g, O[B]);
		return this;
	};
	function _(A, g, O) {
		var v = A._events;
		if (v === void 0) return [];
		var B = v[g];
		return B === void 0 ? [] : typeof B == "function" ? O ? [B.listener || B] : [B] : O ? b(B) : I(B, B.length);
	}
	s.prototype.listeners = function(g) {
		return _(this, g, !0);
	}, s.prototype.rawListeners = function(g) {
		return _(this, g, !1);
	}, s.listenerCount = function(A, g) {
		return typeof A.listenerCount == "function" ? A.listenerCount(g) : y.call(A, g);
	}, s.prototype.listenerCount = y;
	function y(A) {
		var g = this._events;
		if (g !== void 0) {
			var O = g[A];
			if (typeof O == "function") return 1;
			if (O !== void 0) return O.length;
		}
		return 0;
	}
	s.prototype.eventNames = function() {
		return this._eventsCount > 0 ? r(this._events) : [];
	};
	function I(A, g) {
		for (var O = new Array(g), v = 0; v < g; ++v) O[v] = A[v];
		return O;
	}
	function S(A, g) {
		for (; g + 1 < A.length; g++) A[g] = A[g + 1];
		A.pop();
	}
	function b(A) {
		for (var g = new Array(A.length), O = 0; O < g.length; ++O) g[O] = A[O].listener || A[O];
		return g;
	}
	function m(A, g) {
		return new Promise(function(O, v) {
			function B(L) {
				A.removeListener(g, D), v(L);
			}
			function D() {
				typeof A.removeListener == "function" && A.removeListener("error", B), O([].slice.call(arguments));
			}
			R(A, g, D, { once: !0 }), g !== "error" && w(A, B, { once: !0 });
		});
	}
	function w(A, g, O) {
		typeof A.on == "function" && R(A, "error", g, O);
	}
	function R(A, g, O, v) {
		if (typeof A.on == "function") v.once ? A.once(g, O) : A.on(g, O);
		else if (typeof A.addEventListener == "function") A.addEventListener(g, function B(D) {
			v.once && A.removeEventListener(g, B), O(D);
		});
		else throw new TypeError("The \"emitter\" argument must be of type EventEmitter. Received type " + typeof A);
	}
	return _i;
}
var _i;
var Cc;
var pn;
var zy;
var Gy;
var Qy;
var Ky;
var Yy;
var Jy;
var Ht = ze(() => {
	x();
	P();
	T();
	_i = {}, Cc = !1;
	pn = Hy();
	pn.once;
	pn.once = function(t, e) {
		return new Promise((r, n) => {
			function i(...o) {
				s !== void 0 && t.removeListener("error", s), r(o);
			}
			let s;
			e !== "error" && (s = (o) => {
				t.removeListener(name, i), n(o);
			}, t.once("error", s)), t.once(e, i);
		});
	};
	pn.on = function(t, e) {
		let r = [], n = [], i = null, s = !1, o = {
			async next() {
				let f = r.shift();
				if (f) return createIterResult(f, !1);
				if (i) {
					let d = Promise.reject(i);
					return i = null, d;
				}
				return s ? createIterResult(void 0, !0) : new Promise((d, h) => n.push({
					resolve: d,
					reject: h
				}));
			},
			async return() {
				t.removeListener(e, u), t.removeListener("error", c), s = !0;
				for (let f of n) f.resolve(createIterResult(void 0, !0));
				return createIterResult(void 0, !0);
			},
			throw(f) {
				i = f, t.removeListener(e, u), t.removeListener("error", c);
			},
			[Symbol.asyncIterator]() {
				return this;
			}
		};
		return t.on(e, u), t.on("error", c), o;
		function u(...f) {
			let d = n.shift();
			d ? d.resolve(createIterResult(f, !1)) : r.push(f);
		}
		function c(f) {
			s = !0;
			let d = n.shift();
			d ? d.reject(f) : i = f, o.return();
		}
	};
	({EventEmitter: zy, defaultMaxListeners: Gy, init: Qy, listenerCount: Ky, on: Yy, once: Jy} = pn);
});
var We = H((fT, Do) => {
	"use strict";
	x();
	P();
	T();
	var Xy = (ke(), _e(Le)), { format: Zy, inspect: eb } = No(), { codes: { ERR_INVALID_ARG_TYPE: qo } } = Ue(), { kResistStopPropagation: tb, AggregateError: rb, SymbolDispose: nb } = Ee(), ib = globalThis.AbortSignal || Nr().AbortSignal, ob = globalThis.AbortController || Nr().AbortController, sb = Object.getPrototypeOf(async function() {}).constructor, Mc = globalThis.Blob || Xy.Blob, ab = typeof Mc < "u" ? function(e) {
		return e instanceof Mc;
	} : function(e) {
		return !1;
	}, Bc = (t, e) => {
		if (t !== void 0 && (t === null || typeof t != "object" || !("aborted" in t))) throw new qo(e, "AbortSignal", t);
	}, ub = (t, e) => {
		if (typeof t != "function") throw new qo(e, "Function", t);
	};
	Do.exports = {
		AggregateError: rb,
		kEmptyObject: Object.freeze({}),
		once(t) {
			let e = !1;
			return function(...r) {
				e || (e = !0, t.apply(this, r));
			};
		},
		createDeferredPromise: function() {
			let t, e;
			return {
				promise: new Promise((n, i) => {
					t = n, e = i;
				}),
				resolve: t,
				reject: e
			};
		},
		promisify(t) {
			return new Promise((e, r) => {
				t((n, ...i) => n ? r(n) : e(...i));
			});
		},
		debuglog() {
			return function() {};
		},
		format: Zy,
		inspect: eb,
		types: {
			isAsyncFunction(t) {
				return t instanceof sb;
			},
			isArrayBufferView(t) {
				return ArrayBuffer.isView(t);
			}
		},
		isBlob: ab,
		deprecate(t, e) {
			return t;
		},
		addAbortListener: (Ht(), _e(Vt)).addAbortListener || function(e, r) {
			if (e === void 0) throw new qo("signal", "AbortSignal", e);
			Bc(e, "signal"), ub(r, "listener");
			let n;
			return e.aborted ? queueMicrotask(() => r()) : (e.addEventListener("abort", r, {
				__proto__: null,
				once: !0,
				[tb]: !0
			}), n = () => {
				e.removeEventListener("abort", r);
			}), {
				__proto__: null,
				[nb]() {
					var i;
					(i = n) === null || i === void 0 || i();
				}
			};
		},
		AbortSignalAny: ib.any || function(e) {
			if (e.length === 1) return e[0];
			let r = new ob(), n = () => r.abort();
			return e.forEach((i) => {
				Bc(i, "signals"), i.addEventListener("abort", n, { once: !0 });
			}), r.signal.addEventListener("abort", () => {
				e.forEach((i) => i.removeEventListener("abort", n));
			}, { once: !0 }), r.signal;
		}
	};
	Do.exports.promisify.custom = Symbol.for("nodejs.util.promisify.custom");
});
var qr = H((vT, Vc) => {
	"use strict";
	x();
	P();
	T();
	var { ArrayIsArray: Fo, ArrayPrototypeIncludes: Dc, ArrayPrototypeJoin: Uc, ArrayPrototypeMap: lb, NumberIsInteger: jo, NumberIsNaN: cb, NumberMAX_SAFE_INTEGER: fb, NumberMIN_SAFE_INTEGER: db, NumberParseInt: hb, ObjectPrototypeHasOwnProperty: pb, RegExpPrototypeExec: Fc, String: gb, StringPrototypeToUpperCase: yb, StringPrototypeTrim: bb } = Ee(), { hideStackFrames: Ze, codes: { ERR_SOCKET_BAD_PORT: mb, ERR_INVALID_ARG_TYPE: Fe, ERR_INVALID_ARG_VALUE: Lr, ERR_OUT_OF_RANGE: dr, ERR_UNKNOWN_SIGNAL: Nc } } = Ue(), { normalizeEncoding: _b } = We(), { isAsyncFunction: wb, isArrayBufferView: vb } = We().types, Lc = {};
	function Sb(t) {
		return t === (t | 0);
	}
	function Eb(t) {
		return t === t >>> 0;
	}
	var Ab = /^[0-7]+$/, Ib = "must be a 32-bit unsigned integer or an octal string";
	function xb(t, e, r) {
		if (typeof t > "u" && (t = r), typeof t == "string") {
			if (Fc(Ab, t) === null) throw new Lr(e, t, Ib);
			t = hb(t, 8);
		}
		return jc(t, e), t;
	}
	var Tb = Ze((t, e, r = db, n = fb) => {
		if (typeof t != "number") throw new Fe(e, "number", t);
		if (!jo(t)) throw new dr(e, "an integer", t);
		if (t < r || t > n) throw new dr(e, `>= ${r} && <= ${n}`, t);
	}), Pb = Ze((t, e, r = -2147483648, n = 2147483647) => {
		if (typeof t != "number") throw new Fe(e, "number", t);
		if (!jo(t)) throw new dr(e, "an integer", t);
		if (t < r || t > n) throw new dr(e, `>= ${r} && <= ${n}`, t);
	}), jc = Ze((t, e, r = !1) => {
		if (typeof t != "number") throw new Fe(e, "number", t);
		if (!jo(t)) throw new dr(e, "an integer", t);
		let n = r ? 1 : 0, i = 4294967295;
		if (t < n || t > i) throw new dr(e, `>= ${n} && <= ${i}`, t);
	});
	function $o(t, e) {
		if (typeof t != "string") throw new Fe(e, "string", t);
	}
	function Ob(t, e, r = void 0, n) {
		if (typeof t != "number") throw new Fe(e, "number", t);
		if (r != null && t < r || n != null && t > n || (r != null || n != null) && cb(t)) throw new dr(e, `${r != null ? `>= ${r}` : ""}${r != null && n != null ? " && " : ""}${n != null ? `<= ${n}` : ""}`, t);
	}
	var Rb = Ze((t, e, r) => {
		if (!Dc(r, t)) throw new Lr(e, t, "must be one of: " + Uc(lb(r, (s) => typeof s == "string" ? `'${s}'` : gb(s)), ", "));
	});
	function $c(t, e) {
		if (typeof t != "boolean") throw new Fe(e, "boolean", t);
	}
	function Uo(t, e, r) {
		return t == null || !pb(t, e) ? r : t[e];
	}
	var kb = Ze((t, e, r = null) => {
		let n = Uo(r, "allowArray", !1), i = Uo(r, "allowFunction", !1);
		if (!Uo(r, "nullable", !1) && t === null || !n && Fo(t) || typeof t != "object" && (!i || typeof t != "function")) throw new Fe(e, "Object", t);
	}), Cb = Ze((t, e) => {
		if (t != null && typeof t != "object" && typeof t != "function") throw new Fe(e, "a dictionary", t);
	}), wi = Ze((t, e, r = 0) => {
		if (!Fo(t)) throw new Fe(e, "Array", t);
		if (t.length < r) throw new Lr(e, t, `must be longer than ${r}`);
	});
	function Mb(t, e) {
		wi(t, e);
		for (let r = 0; r < t.length; r++) $o(t[r], `${e}[${r}]`);
	}
	function Bb(t, e) {
		wi(t, e);
		for (let r = 0; r < t.length; r++) $c(t[r], `${e}[${r}]`);
	}
	function Nb(t, e) {
		wi(t, e);
		for (let r = 0; r < t.length; r++) {
			let n = t[r], i = `${e}[${r}]`;
			if (n == null) throw new Fe(i, "AbortSignal", n);
			Wc(n, i);
		}
	}
	function Lb(t, e = "signal") {
		if ($o(t, e), Lc[t] === void 0) throw Lc[yb(t)] !== void 0 ? new Nc(t + " (signals must use all capital letters)") : new Nc(t);
	}
	var qb = Ze((t, e = "buffer") => {
		if (!vb(t)) throw new Fe(e, [
			"Buffer",
			"TypedArray",
			"DataView"
		], t);
	});
	function Db(t, e) {
		let r = _b(e), n = t.length;
		if (r === "hex" && n % 2 !== 0) throw new Lr("encoding", e, `is invalid for data of length ${n}`);
	}
	function Ub(t, e = "Port", r = !0) {
		if (typeof t != "number" && typeof t != "string" || typeof t == "string" && bb(t).length === 0 || +t !== +t >>> 0 || t > 65535 || t === 0 && !r) throw new mb(e, t, r);
		return t | 0;
	}
	var Wc = Ze((t, e) => {
		if (t !== void 0 && (t === null || typeof t != "object" || !("aborted" in t))) throw new Fe(e, "AbortSignal", t);
	}), Fb = Ze((t, e) => {
		if (typeof t != "function") throw new Fe(e, "Function", t);
	}), jb = Ze((t, e) => {
		if (typeof t != "function" || wb(t)) throw new Fe(e, "Function", t);
	}), $b = Ze((t, e) => {
		if (t !== void 0) throw new Fe(e, "undefined", t);
	});
	function Wb(t, e, r) {
		if (!Dc(r, t)) throw new Fe(e, `('${Uc(r, "|")}')`, t);
	}
	var Vb = /^(?:<[^>]*>)(?:\s*;\s*[^;"\s]+(?:=(")?[^;"\s]*\1)?)*$/;
	function qc(t, e) {
		if (typeof t > "u" || !Fc(Vb, t)) throw new Lr(e, t, "must be an array or string of format \"</styles.css>; rel=preload; as=style\"");
	}
	function Hb(t) {
		if (typeof t == "string") return qc(t, "hints"), t;
		if (Fo(t)) {
			let e = t.length, r = "";
			if (e === 0) return r;
			for (let n = 0; n < e; n++) {
				let i = t[n];
				qc(i, "hints"), r += i, n !== e - 1 && (r += ", ");
			}
			return r;
		}
		throw new Lr("hints", t, "must be an array or string of format \"</styles.css>; rel=preload; as=style\"");
	}
	Vc.exports = {
		isInt32: Sb,
		isUint32: Eb,
		parseFileMode: xb,
		validateArray: wi,
		validateStringArray: Mb,
		validateBooleanArray: Bb,
		validateAbortSignalArray: Nb,
		validateBoolean: $c,
		validateBuffer: qb,
		validateDictionary: Cb,
		validateEncoding: Db,
		validateFunction: Fb,
		validateInt32: Pb,
		validateInteger: Tb,
		validateNumber: Ob,
		validateObject: kb,
		validateOneOf: Rb,
		validatePlainFunction: jb,
		validatePort: Ub,
		validateSignalName: Lb,
		validateString: $o,
		validateUint32: jc,
		validateUndefined: $b,
		validateUnion: Wb,
		validateAbortSignal: Wc,
		validateLinkHeaderValue: Hb
	};
});
var zt = H((kT, Qc) => {
	x();
	P();
	T();
	var Te = Qc.exports = {}, dt, ht;
	function Wo() {
		throw new Error("setTimeout has not been defined");
	}
	function Vo() {
		throw new Error("clearTimeout has not been defined");
	}
	(function() {
		try {
			typeof setTimeout == "function" ? dt = setTimeout : dt = Wo;
		} catch {
			dt = Wo;
		}
		try {
			typeof clearTimeout == "function" ? ht = clearTimeout : ht = Vo;
		} catch {
			ht = Vo;
		}
	})();
	function Hc(t) {
		if (dt === setTimeout) return setTimeout(t, 0);
		if ((dt === Wo || !dt) && setTimeout) return dt = setTimeout, setTimeout(t, 0);
		try {
			return dt(t, 0);
		} catch {
			try {
				return dt.call(null, t, 0);
			} catch {
				return dt.call(this, t, 0);
			}
		}
	}
	function zb(t) {
		if (ht === clearTimeout) return clearTimeout(t);
		if ((ht === Vo || !ht) && clearTimeout) return ht = clearTimeout, clearTimeout(t);
		try {
			return ht(t);
		} catch {
			try {
				return ht.call(null, t);
			} catch {
				return ht.call(this, t);
			}
		}
	}
	var xt = [], Dr = !1, hr, vi = -1;
	function Gb() {
		!Dr || !hr || (Dr = !1, hr.length ? xt = hr.concat(xt) : vi = -1, xt.length && zc());
	}
	function zc() {
		if (!Dr) {
			var t = Hc(Gb);
			Dr = !0;
			for (var e = xt.length; e;) {
				for (hr = xt, xt = []; ++vi < e;) hr && hr[vi].run();
				vi = -1, e = xt.length;
			}
			hr = null, Dr = !1, zb(t);
		}
	}
	Te.nextTick = function(t) {
		var e = new Array(arguments.length - 1);
		if (arguments.length > 1) for (var r = 1; r < arguments.length; r++) e[r - 1] = arguments[r];
		xt.push(new Gc(t, e)), xt.length === 1 && !Dr && Hc(zc);
	};
	function Gc(t, e) {
		this.fun = t, this.array = e;
	}
	Gc.prototype.run = function() {
		this.fun.apply(null, this.array);
	};
	Te.title = "browser";
	Te.browser = !0;
	Te.env = {};
	Te.argv = [];
	Te.version = "";
	Te.versions = {};
	function Tt() {}
	Te.on = Tt;
	Te.addListener = Tt;
	Te.once = Tt;
	Te.off = Tt;
	Te.removeListener = Tt;
	Te.removeAllListeners = Tt;
	Te.emit = Tt;
	Te.prependListener = Tt;
	Te.prependOnceListener = Tt;
	Te.listeners = function(t) {
		return [];
	};
	Te.binding = function(t) {
		throw new Error("process.binding is not supported");
	};
	Te.cwd = function() {
		return "/";
	};
	Te.chdir = function(t) {
		throw new Error("process.chdir is not supported");
	};
	Te.umask = function() {
		return 0;
	};
});
var gt = H((jT, cf) => {
	"use strict";
	x();
	P();
	T();
	var { SymbolAsyncIterator: Kc, SymbolIterator: Yc, SymbolFor: pr } = Ee(), Jc = pr("nodejs.stream.destroyed"), Xc = pr("nodejs.stream.errored"), Ho = pr("nodejs.stream.readable"), zo = pr("nodejs.stream.writable"), Zc = pr("nodejs.stream.disturbed"), Qb = pr("nodejs.webstream.isClosedPromise"), Kb = pr("nodejs.webstream.controllerErrorFunction");
	function Si(t, e = !1) {
		var r;
		return !!(t && typeof t.pipe == "function" && typeof t.on == "function" && (!e || typeof t.pause == "function" && typeof t.resume == "function") && (!t._writableState || ((r = t._readableState) === null || r === void 0 ? void 0 : r.readable) !== !1) && (!t._writableState || t._readableState));
	}
	function Ei(t) {
		var e;
		return !!(t && typeof t.write == "function" && typeof t.on == "function" && (!t._readableState || ((e = t._writableState) === null || e === void 0 ? void 0 : e.writable) !== !1));
	}
	function Yb(t) {
		return !!(t && typeof t.pipe == "function" && t._readableState && typeof t.on == "function" && typeof t.write == "function");
	}
	function pt(t) {
		return t && (t._readableState || t._writableState || typeof t.write == "function" && typeof t.on == "function" || typeof t.pipe == "function" && typeof t.on == "function");
	}
	function ef(t) {
		return !!(t && !pt(t) && typeof t.pipeThrough == "function" && typeof t.getReader == "function" && typeof t.cancel == "function");
	}
	function tf(t) {
		return !!(t && !pt(t) && typeof t.getWriter == "function" && typeof t.abort == "function");
	}
	function rf(t) {
		return !!(t && !pt(t) && typeof t.readable == "object" && typeof t.writable == "object");
	}
	function Jb(t) {
		return ef(t) || tf(t) || rf(t);
	}
	function Xb(t, e) {
		return t == null ? !1 : e === !0 ? typeof t[Kc] == "function" : e === !1 ? typeof t[Yc] == "function" : typeof t[Kc] == "function" || typeof t[Yc] == "function";
	}
	function Ai(t) {
		if (!pt(t)) return null;
		let e = t._writableState, r = t._readableState, n = e || r;
		return !!(t.destroyed || t[Jc] || n != null && n.destroyed);
	}
	function nf(t) {
		if (!Ei(t)) return null;
		if (t.writableEnded === !0) return !0;
		let e = t._writableState;
		return e != null && e.errored ? !1 : typeof e?.ended != "boolean" ? null : e.ended;
	}
	function Zb(t, e) {
		if (!Ei(t)) return null;
		if (t.writableFinished === !0) return !0;
		let r = t._writableState;
		return r != null && r.errored ? !1 : typeof r?.finished != "boolean" ? null : !!(r.finished || e === !1 && r.ended === !0 && r.length === 0);
	}
	function em(t) {
		if (!Si(t)) return null;
		if (t.readableEnded === !0) return !0;
		let e = t._readableState;
		return !e || e.errored ? !1 : typeof e?.ended != "boolean" ? null : e.ended;
	}
	function of(t, e) {
		if (!Si(t)) return null;
		let r = t._readableState;
		return r != null && r.errored ? !1 : typeof r?.endEmitted != "boolean" ? null : !!(r.endEmitted || e === !1 && r.ended === !0 && r.length === 0);
	}
	function sf(t) {
		return t && t[Ho] != null ? t[Ho] : typeof t?.readable != "boolean" ? null : Ai(t) ? !1 : Si(t) && t.readable && !of(t);
	}
	function af(t) {
		return t && t[zo] != null ? t[zo] : typeof t?.writable != "boolean" ? null : Ai(t) ? !1 : Ei(t) && t.writable && !nf(t);
	}
	function tm(t, e) {
		return pt(t) ? Ai(t) ? !0 : !(e?.readable !== !1 && sf(t) || e?.writable !== !1 && af(t)) : null;
	}
	function rm(t) {
		var e, r;
		return pt(t) ? t.writableErrored ? t.writableErrored : (e = (r = t._writableState) === null || r === void 0 ? void 0 : r.errored) !== null && e !== void 0 ? e : null : null;
	}
	function nm(t) {
		var e, r;
		return pt(t) ? t.readableErrored ? t.readableErrored : (e = (r = t._readableState) === null || r === void 0 ? void 0 : r.errored) !== null && e !== void 0 ? e : null : null;
	}
	function im(t) {
		if (!pt(t)) return null;
		if (typeof t.closed == "boolean") return t.closed;
		let e = t._writableState, r = t._readableState;
		return typeof e?.closed == "boolean" || typeof r?.closed == "boolean" ? e?.closed || r?.closed : typeof t._closed == "boolean" && uf(t) ? t._closed : null;
	}
	function uf(t) {
		return typeof t._closed == "boolean" && typeof t._defaultKeepAlive == "boolean" && typeof t._removedConnection == "boolean" && typeof t._removedContLen == "boolean";
	}
	function lf(t) {
		return typeof t._sent100 == "boolean" && uf(t);
	}
	function om(t) {
		var e;
		return typeof t._consuming == "boolean" && typeof t._dumped == "boolean" && ((e = t.req) === null || e === void 0 ? void 0 : e.upgradeOrConnect) === void 0;
	}
	function sm(t) {
		if (!pt(t)) return null;
		let e = t._writableState, r = t._readableState, n = e || r;
		return !n && lf(t) || !!(n && n.autoDestroy && n.emitClose && n.closed === !1);
	}
	function am(t) {
		var e;
		return !!(t && ((e = t[Zc]) !== null && e !== void 0 ? e : t.readableDidRead || t.readableAborted));
	}
	function um(t) {
		var e, r, n, i, s, o, u, c, f, d;
		return !!(t && ((e = (r = (n = (i = (s = (o = t[Xc]) !== null && o !== void 0 ? o : t.readableErrored) !== null && s !== void 0 ? s : t.writableErrored) !== null && i !== void 0 ? i : (u = t._readableState) === null || u === void 0 ? void 0 : u.errorEmitted) !== null && n !== void 0 ? n : (c = t._writableState) === null || c === void 0 ? void 0 : c.errorEmitted) !== null && r !== void 0 ? r : (f = t._readableState) === null || f === void 0 ? void 0 : f.errored) !== null && e !== void 0 ? e : !((d = t._writableState) === null || d === void 0) && d.errored));
	}
	cf.exports = {
		isDestroyed: Ai,
		kIsDestroyed: Jc,
		isDisturbed: am,
		kIsDisturbed: Zc,
		isErrored: um,
		kIsErrored: Xc,
		isReadable: sf,
		kIsReadable: Ho,
		kIsClosedPromise: Qb,
		kControllerErrorFunction: Kb,
		kIsWritable: zo,
		isClosed: im,
		isDuplexNodeStream: Yb,
		isFinished: tm,
		isIterable: Xb,
		isReadableNodeStream: Si,
		isReadableStream: ef,
		isReadableEnded: em,
		isReadableFinished: of,
		isReadableErrored: nm,
		isNodeStream: pt,
		isWebStream: Jb,
		isWritable: af,
		isWritableNodeStream: Ei,
		isWritableStream: tf,
		isWritableEnded: nf,
		isWritableFinished: Zb,
		isWritableErrored: rm,
		isServerRequest: om,
		isServerResponse: lf,
		willEmitClose: sm,
		isTransformStream: rf
	};
});
var Pt = H((JT, Jo) => {
	"use strict";
	x();
	P();
	T();
	var Gt = zt(), { AbortError: _f, codes: lm } = Ue(), { ERR_INVALID_ARG_TYPE: cm, ERR_STREAM_PREMATURE_CLOSE: ff } = lm, { kEmptyObject: Qo, once: Ko } = We(), { validateAbortSignal: fm, validateFunction: dm, validateObject: hm, validateBoolean: pm } = qr(), { Promise: gm, PromisePrototypeThen: ym, SymbolDispose: wf } = Ee(), { isClosed: bm, isReadable: df, isReadableNodeStream: Go, isReadableStream: mm, isReadableFinished: hf, isReadableErrored: pf, isWritable: gf, isWritableNodeStream: yf, isWritableStream: _m, isWritableFinished: bf, isWritableErrored: mf, isNodeStream: wm, willEmitClose: vm, kIsClosedPromise: Sm } = gt(), Ur;
	function Em(t) {
		return t.setHeader && typeof t.abort == "function";
	}
	var Yo = () => {};
	function vf(t, e, r) {
		var n, i;
		if (arguments.length === 2 ? (r = e, e = Qo) : e == null ? e = Qo : hm(e, "options"), dm(r, "callback"), fm(e.signal, "options.signal"), r = Ko(r), mm(t) || _m(t)) return Am(t, e, r);
		if (!wm(t)) throw new cm("stream", [
			"ReadableStream",
			"WritableStream",
			"Stream"
		], t);
		let s = (n = e.readable) !== null && n !== void 0 ? n : Go(t), o = (i = e.writable) !== null && i !== void 0 ? i : yf(t), u = t._writableState, c = t._readableState, f = () => {
			t.writable || _();
		}, d = vm(t) && Go(t) === s && yf(t) === o, h = bf(t, !1), _ = () => {
			h = !0, t.destroyed && (d = !1), (!d || t.readable && !s) && (!s || y) && r.call(t);
		}, y = hf(t, !1), I = () => {
			y = !0, t.destroyed && (d = !1), (!d || t.writable && !o) && (!o || h) && r.call(t);
		}, S = (g) => {
			r.call(t, g);
		}, b = bm(t), m = () => {
			b = !0;
			let g = mf(t) || pf(t);
			if (g && typeof g != "boolean") return r.call(t, g);
			if (s && !y && Go(t, !0) && !hf(t, !1)) return r.call(t, new ff());
			if (o && !h && !bf(t, !1)) return r.call(t, new ff());
			r.call(t);
		}, w = () => {
			b = !0;
			let g = mf(t) || pf(t);
			if (g && typeof g != "boolean") return r.call(t, g);
			r.call(t);
		}, R = () => {
			t.req.on("finish", _);
		};
		Em(t) ? (t.on("complete", _), d || t.on("abort", m), t.req ? R() : t.on("request", R)) : o && !u && (t.on("end", f), t.on("close", f)), !d && typeof t.aborted == "boolean" && t.on("aborted", m), t.on("end", I), t.on("finish", _), e.error !== !1 && t.on("error", S), t.on("close", m), b ? Gt.nextTick(m) : u != null && u.errorEmitted || c != null && c.errorEmitted ? d || Gt.nextTick(w) : (!s && (!d || df(t)) && (h || gf(t) === !1) || !o && (!d || gf(t)) && (y || df(t) === !1) || c && t.req && t.aborted) && Gt.nextTick(w);
		let A = () => {
			r = Yo, t.removeListener("aborted", m), t.removeListener("complete", _), t.removeListener("abort", m), t.removeListener("request", R), t.req && t.req.removeListener("finish", _), t.removeListener("end", f), t.removeListener("close", f), t.removeListener("finish", _), t.removeListener("end", I), t.removeListener("error", S), t.removeListener("close", m);
		};
		if (e.signal && !b) {
			let g = () => {
				let O = r;
				A(), O.call(t, new _f(void 0, { cause: e.signal.reason }));
			};
			if (e.signal.aborted) Gt.nextTick(g);
			else {
				Ur = Ur || We().addAbortListener;
				let O = Ur(e.signal, g), v = r;
				r = Ko((...B) => {
					O[wf](), v.apply(t, B);
				});
			}
		}
		return A;
	}
	function Am(t, e, r) {
		let n = !1, i = Yo;
		if (e.signal) if (i = () => {
			n = !0, r.call(t, new _f(void 0, { cause: e.signal.reason }));
		}, e.signal.aborted) Gt.nextTick(i);
		else {
			Ur = Ur || We().addAbortListener;
			let o = Ur(e.signal, i), u = r;
			r = Ko((...c) => {
				o[wf](), u.apply(t, c);
			});
		}
		let s = (...o) => {
			n || Gt.nextTick(() => r.apply(t, o));
		};
		return ym(t[Sm].promise, s, s), Yo;
	}
	function Im(t, e) {
		var r;
		let n = !1;
		return e === null && (e = Qo), (r = e) !== null && r !== void 0 && r.cleanup && (pm(e.cleanup, "cleanup"), n = e.cleanup), new gm((i, s) => {
			let o = vf(t, e, (u) => {
				n && o(), u ? s(u) : i();
			});
		});
	}
	Jo.exports = vf;
	Jo.exports.finished = Im;
});
var gr = H((aP, Of) => {
	"use strict";
	x();
	P();
	T();
	var yt = zt(), { aggregateTwoErrors: xm, codes: { ERR_MULTIPLE_CALLBACK: Tm }, AbortError: Pm } = Ue(), { Symbol: Af } = Ee(), { kIsDestroyed: Om, isDestroyed: Rm, isFinished: km, isServerRequest: Cm } = gt(), If = Af("kDestroy"), Xo = Af("kConstruct");
	function xf(t, e, r) {
		t && (t.stack, e && !e.errored && (e.errored = t), r && !r.errored && (r.errored = t));
	}
	function Mm(t, e) {
		let r = this._readableState, n = this._writableState, i = n || r;
		return n != null && n.destroyed || r != null && r.destroyed ? (typeof e == "function" && e(), this) : (xf(t, n, r), n && (n.destroyed = !0), r && (r.destroyed = !0), i.constructed ? Sf(this, t, e) : this.once(If, function(s) {
			Sf(this, xm(s, t), e);
		}), this);
	}
	function Sf(t, e, r) {
		let n = !1;
		function i(s) {
			if (n) return;
			n = !0;
			let o = t._readableState, u = t._writableState;
			xf(s, u, o), u && (u.closed = !0), o && (o.closed = !0), typeof r == "function" && r(s), s ? yt.nextTick(Bm, t, s) : yt.nextTick(Tf, t);
		}
		try {
			t._destroy(e || null, i);
		} catch (s) {
			i(s);
		}
	}
	function Bm(t, e) {
		Zo(t, e), Tf(t);
	}
	function Tf(t) {
		let e = t._readableState, r = t._writableState;
		r && (r.closeEmitted = !0), e && (e.closeEmitted = !0), (r != null && r.emitClose || e != null && e.emitClose) && t.emit("close");
	}
	function Zo(t, e) {
		let r = t._readableState, n = t._writableState;
		n != null && n.errorEmitted || r != null && r.errorEmitted || (n && (n.errorEmitted = !0), r && (r.errorEmitted = !0), t.emit("error", e));
	}
	function Nm() {
		let t = this._readableState, e = this._writableState;
		t && (t.constructed = !0, t.closed = !1, t.closeEmitted = !1, t.destroyed = !1, t.errored = null, t.errorEmitted = !1, t.reading = !1, t.ended = t.readable === !1, t.endEmitted = t.readable === !1), e && (e.constructed = !0, e.destroyed = !1, e.closed = !1, e.closeEmitted = !1, e.errored = null, e.errorEmitted = !1, e.finalCalled = !1, e.prefinished = !1, e.ended = e.writable === !1, e.ending = e.writable === !1, e.finished = e.writable === !1);
	}
	function es(t, e, r) {
		let n = t._readableState, i = t._writableState;
		if (i != null && i.destroyed || n != null && n.destroyed) return this;
		n != null && n.autoDestroy || i != null && i.autoDestroy ? t.destroy(e) : e && (e.stack, i && !i.errored && (i.errored = e), n && !n.errored && (n.errored = e), r ? yt.nextTick(Zo, t, e) : Zo(t, e));
	}
	function Lm(t, e) {
		if (typeof t._construct != "function") return;
		let r = t._readableState, n = t._writableState;
		r && (r.constructed = !1), n && (n.constructed = !1), t.once(Xo, e), !(t.listenerCount(Xo) > 1) && yt.nextTick(qm, t);
	}
	function qm(t) {
		let e = !1;
		function r(n) {
			if (e) {
				es(t, n ?? new Tm());
				return;
			}
			e = !0;
			let i = t._readableState, s = t._writableState, o = s || i;
			i && (i.constructed = !0), s && (s.constructed = !0), o.destroyed ? t.emit(If, n) : n ? es(t, n, !0) : yt.nextTick(Dm, t);
		}
		try {
			t._construct((n) => {
				yt.nextTick(r, n);
			});
		} catch (n) {
			yt.nextTick(r, n);
		}
	}
	function Dm(t) {
		t.emit(Xo);
	}
	function Ef(t) {
		return t?.setHeader && typeof t.abort == "function";
	}
	function Pf(t) {
		t.emit("close");
	}
	function Um(t, e) {
		t.emit("error", e), yt.nextTick(Pf, t);
	}
	function Fm(t, e) {
		!t || Rm(t) || (!e && !km(t) && (e = new Pm()), Cm(t) ? (t.socket = null, t.destroy(e)) : Ef(t) ? t.abort() : Ef(t.req) ? t.req.abort() : typeof t.destroy == "function" ? t.destroy(e) : typeof t.close == "function" ? t.close() : e ? yt.nextTick(Um, t, e) : yt.nextTick(Pf, t), t.destroyed || (t[Om] = !0));
	}
	Of.exports = {
		construct: Lm,
		destroyer: Fm,
		destroy: Mm,
		undestroy: Nm,
		errorOrDestroy: es
	};
});
var Ti = H((bP, kf) => {
	"use strict";
	x();
	P();
	T();
	var { ArrayIsArray: jm, ObjectSetPrototypeOf: Rf } = Ee(), { EventEmitter: Ii } = (Ht(), _e(Vt));
	function xi(t) {
		Ii.call(this, t);
	}
	Rf(xi.prototype, Ii.prototype);
	Rf(xi, Ii);
	xi.prototype.pipe = function(t, e) {
		let r = this;
		function n(d) {
			t.writable && t.write(d) === !1 && r.pause && r.pause();
		}
		r.on("data", n);
		function i() {
			r.readable && r.resume && r.resume();
		}
		t.on("drain", i), !t._isStdio && (!e || e.end !== !1) && (r.on("end", o), r.on("close", u));
		let s = !1;
		function o() {
			s || (s = !0, t.end());
		}
		function u() {
			s || (s = !0, typeof t.destroy == "function" && t.destroy());
		}
		function c(d) {
			f(), Ii.listenerCount(this, "error") === 0 && this.emit("error", d);
		}
		ts(r, "error", c), ts(t, "error", c);
		function f() {
			r.removeListener("data", n), t.removeListener("drain", i), r.removeListener("end", o), r.removeListener("close", u), r.removeListener("error", c), t.removeListener("error", c), r.removeListener("end", f), r.removeListener("close", f), t.removeListener("close", f);
		}
		return r.on("end", f), r.on("close", f), t.on("close", f), t.emit("pipe", r), t;
	};
	function ts(t, e, r) {
		if (typeof t.prependListener == "function") return t.prependListener(e, r);
		!t._events || !t._events[e] ? t.on(e, r) : jm(t._events[e]) ? t._events[e].unshift(r) : t._events[e] = [r, t._events[e]];
	}
	kf.exports = {
		Stream: xi,
		prependListener: ts
	};
});
var gn = H((TP, Pi) => {
	"use strict";
	x();
	P();
	T();
	var { SymbolDispose: $m } = Ee(), { AbortError: Cf, codes: Wm } = Ue(), { isNodeStream: Mf, isWebStream: Vm, kControllerErrorFunction: Hm } = gt(), zm = Pt(), { ERR_INVALID_ARG_TYPE: Bf } = Wm, rs, Gm = (t, e) => {
		if (typeof t != "object" || !("aborted" in t)) throw new Bf(e, "AbortSignal", t);
	};
	Pi.exports.addAbortSignal = function(e, r) {
		if (Gm(e, "signal"), !Mf(r) && !Vm(r)) throw new Bf("stream", [
			"ReadableStream",
			"WritableStream",
			"Stream"
		], r);
		return Pi.exports.addAbortSignalNoValidate(e, r);
	};
	Pi.exports.addAbortSignalNoValidate = function(t, e) {
		if (typeof t != "object" || !("aborted" in t)) return e;
		let r = Mf(e) ? () => {
			e.destroy(new Cf(void 0, { cause: t.reason }));
		} : () => {
			e[Hm](new Cf(void 0, { cause: t.reason }));
		};
		if (t.aborted) r();
		else {
			rs = rs || We().addAbortListener;
			zm(e, rs(t, r)[$m]);
		}
		return e;
	};
});
var qf = H((DP, Lf) => {
	"use strict";
	x();
	P();
	T();
	var { StringPrototypeSlice: Nf, SymbolIterator: Qm, TypedArrayPrototypeSet: Oi, Uint8Array: Km } = Ee(), { Buffer: ns } = (ke(), _e(Le)), { inspect: Ym } = We();
	Lf.exports = class {
		constructor() {
			this.head = null, this.tail = null, this.length = 0;
		}
		push(e) {
			let r = {
				data: e,
				next: null
			};
			this.length > 0 ? this.tail.next = r : this.head = r, this.tail = r, ++this.length;
		}
		unshift(e) {
			let r = {
				data: e,
				next: this.head
			};
			this.length === 0 && (this.tail = r), this.head = r, ++this.length;
		}
		shift() {
			if (this.length === 0) return;
			let e = this.head.data;
			return this.length === 1 ? this.head = this.tail = null : this.head = this.head.next, --this.length, e;
		}
		clear() {
			this.head = this.tail = null, this.length = 0;
		}
		join(e) {
			if (this.length === 0) return "";
			let r = this.head, n = "" + r.data;
			for (; (r = r.next) !== null;) n += e + r.data;
			return n;
		}
		concat(e) {
			if (this.length === 0) return ns.alloc(0);
			let r = ns.allocUnsafe(e >>> 0), n = this.head, i = 0;
			for (; n;) Oi(r, n.data, i), i += n.data.length, n = n.next;
			return r;
		}
		consume(e, r) {
			let n = this.head.data;
			if (e < n.length) {
				let i = n.slice(0, e);
				return this.head.data = n.slice(e), i;
			}
			return e === n.length ? this.shift() : r ? this._getString(e) : this._getBuffer(e);
		}
		first() {
			return this.head.data;
		}
		*[Qm]() {
			for (let e = this.head; e; e = e.next) yield e.data;
		}
		_getString(e) {
			let r = "", n = this.head, i = 0;
			do {
				let s = n.data;
				if (e > s.length) r += s, e -= s.length;
				else {
					e === s.length ? (r += s, ++i, n.next ? this.head = n.next : this.head = this.tail = null) : (r += Nf(s, 0, e), this.head = n, n.data = Nf(s, e));
					break;
				}
				++i;
			} while ((n = n.next) !== null);
			return this.length -= i, r;
		}
		_getBuffer(e) {
			let r = ns.allocUnsafe(e), n = e, i = this.head, s = 0;
			do {
				let o = i.data;
				if (e > o.length) Oi(r, o, n - e), e -= o.length;
				else {
					e === o.length ? (Oi(r, o, n - e), ++s, i.next ? this.head = i.next : this.head = this.tail = null) : (Oi(r, new Km(o.buffer, o.byteOffset, e), n - e), this.head = i, i.data = o.slice(e));
					break;
				}
				++s;
			} while ((i = i.next) !== null);
			return this.length -= s, r;
		}
		[Symbol.for("nodejs.util.inspect.custom")](e, r) {
			return Ym(this, {
				...r,
				depth: 0,
				customInspect: !1
			});
		}
	};
});
var yn = H((QP, jf) => {
	"use strict";
	x();
	P();
	T();
	var { MathFloor: Jm, NumberIsInteger: Xm } = Ee(), { validateInteger: Zm } = qr(), { ERR_INVALID_ARG_VALUE: e_ } = Ue().codes, Df = 16384, Uf = 16;
	function t_(t, e, r) {
		return t.highWaterMark != null ? t.highWaterMark : e ? t[r] : null;
	}
	function Ff(t) {
		return t ? Uf : Df;
	}
	function r_(t, e) {
		Zm(e, "value", 0), t ? Uf = e : Df = e;
	}
	function n_(t, e, r, n) {
		let i = t_(e, n, r);
		if (i != null) {
			if (!Xm(i) || i < 0) throw new e_(n ? `options.${r}` : "options.highWaterMark", i);
			return Jm(i);
		}
		return Ff(t.objectMode);
	}
	jf.exports = {
		getHighWaterMark: n_,
		getDefaultHighWaterMark: Ff,
		setDefaultHighWaterMark: r_
	};
});
var Vf = H((is, Wf) => {
	x();
	P();
	T();
	var Ri = (ke(), _e(Le)), bt = Ri.Buffer;
	function $f(t, e) {
		for (var r in t) e[r] = t[r];
	}
	bt.from && bt.alloc && bt.allocUnsafe && bt.allocUnsafeSlow ? Wf.exports = Ri : ($f(Ri, is), is.Buffer = yr);
	function yr(t, e, r) {
		return bt(t, e, r);
	}
	yr.prototype = Object.create(bt.prototype);
	$f(bt, yr);
	yr.from = function(t, e, r) {
		if (typeof t == "number") throw new TypeError("Argument must not be a number");
		return bt(t, e, r);
	};
	yr.alloc = function(t, e, r) {
		if (typeof t != "number") throw new TypeError("Argument must be a number");
		var n = bt(t);
		return e !== void 0 ? typeof r == "string" ? n.fill(e, r) : n.fill(e) : n.fill(0), n;
	};
	yr.allocUnsafe = function(t) {
		if (typeof t != "number") throw new TypeError("Argument must be a number");
		return bt(t);
	};
	yr.allocUnsafeSlow = function(t) {
		if (typeof t != "number") throw new TypeError("Argument must be a number");
		return Ri.SlowBuffer(t);
	};
});
var Gf = H((zf) => {
	"use strict";
	x();
	P();
	T();
	var ss = Vf().Buffer, Hf = ss.isEncoding || function(t) {
		switch (t = "" + t, t && t.toLowerCase()) {
			case "hex":
			case "utf8":
			case "utf-8":
			case "ascii":
			case "binary":
			case "base64":
			case "ucs2":
			case "ucs-2":
			case "utf16le":
			case "utf-16le":
			case "raw": return !0;
			default: return !1;
		}
	};
	function i_(t) {
		if (!t) return "utf8";
		for (var e;;) switch (t) {
			case "utf8":
			case "utf-8": return "utf8";
			case "ucs2":
			case "ucs-2":
			case "utf16le":
			case "utf-16le": return "utf16le";
			case "latin1":
			case "binary": return "latin1";
			case "base64":
			case "ascii":
			case "hex": return t;
			default:
				if (e) return;
				t = ("" + t).toLowerCase(), e = !0;
		}
	}
	function o_(t) {
		var e = i_(t);
		if (typeof e != "string" && (ss.isEncoding === Hf || !Hf(t))) throw new Error("Unknown encoding: " + t);
		return e || t;
	}
	zf.StringDecoder = bn;
	function bn(t) {
		this.encoding = o_(t);
		var e;
		switch (this.encoding) {
			case "utf16le":
				this.text = f_, this.end = d_, e = 4;
				break;
			case "utf8":
				this.fillLast = u_, e = 4;
				break;
			case "base64":
				this.text = h_, this.end = p_, e = 3;
				break;
			default:
				this.write = g_, this.end = y_;
				return;
		}
		this.lastNeed = 0, this.lastTotal = 0, this.lastChar = ss.allocUnsafe(e);
	}
	bn.prototype.write = function(t) {
		if (t.length === 0) return "";
		var e, r;
		if (this.lastNeed) {
			if (e = this.fillLast(t), e === void 0) return "";
			r = this.lastNeed, this.lastNeed = 0;
		} else r = 0;
		return r < t.length ? e ? e + this.text(t, r) : this.text(t, r) : e || "";
	};
	bn.prototype.end = c_;
	bn.prototype.text = l_;
	bn.prototype.fillLast = function(t) {
		if (this.lastNeed <= t.length) return t.copy(this.lastChar, this.lastTotal - this.lastNeed, 0, this.lastNeed), this.lastChar.toString(this.encoding, 0, this.lastTotal);
		t.copy(this.lastChar, this.lastTotal - this.lastNeed, 0, t.length), this.lastNeed -= t.length;
	};
	function os(t) {
		return t <= 127 ? 0 : t >> 5 === 6 ? 2 : t >> 4 === 14 ? 3 : t >> 3 === 30 ? 4 : t >> 6 === 2 ? -1 : -2;
	}
	function s_(t, e, r) {
		var n = e.length - 1;
		if (n < r) return 0;
		var i = os(e[n]);
		return i >= 0 ? (i > 0 && (t.lastNeed = i - 1), i) : --n < r || i === -2 ? 0 : (i = os(e[n]), i >= 0 ? (i > 0 && (t.lastNeed = i - 2), i) : --n < r || i === -2 ? 0 : (i = os(e[n]), i >= 0 ? (i > 0 && (i === 2 ? i = 0 : t.lastNeed = i - 3), i) : 0));
	}
	function a_(t, e, r) {
		if ((e[0] & 192) !== 128) return t.lastNeed = 0, "�";
		if (t.lastNeed > 1 && e.length > 1) {
			if ((e[1] & 192) !== 128) return t.lastNeed = 1, "�";
			if (t.lastNeed > 2 && e.length > 2 && (e[2] & 192) !== 128) return t.lastNeed = 2, "�";
		}
	}
	function u_(t) {
		var e = this.lastTotal - this.lastNeed, r = a_(this, t, e);
		if (r !== void 0) return r;
		if (this.lastNeed <= t.length) return t.copy(this.lastChar, e, 0, this.lastNeed), this.lastChar.toString(this.encoding, 0, this.lastTotal);
		t.copy(this.lastChar, e, 0, t.length), this.lastNeed -= t.length;
	}
	function l_(t, e) {
		var r = s_(this, t, e);
		if (!this.lastNeed) return t.toString("utf8", e);
		this.lastTotal = r;
		var n = t.length - (r - this.lastNeed);
		return t.copy(this.lastChar, 0, n), t.toString("utf8", e, n);
	}
	function c_(t) {
		var e = t && t.length ? this.write(t) : "";
		return this.lastNeed ? e + "�" : e;
	}
	function f_(t, e) {
		if ((t.length - e) % 2 === 0) {
			var r = t.toString("utf16le", e);
			if (r) {
				var n = r.charCodeAt(r.length - 1);
				if (n >= 55296 && n <= 56319) return this.lastNeed = 2, this.lastTotal = 4, this.lastChar[0] = t[t.length - 2], this.lastChar[1] = t[t.length - 1], r.slice(0, -1);
			}
			return r;
		}
		return this.lastNeed = 1, this.lastTotal = 2, this.lastChar[0] = t[t.length - 1], t.toString("utf16le", e, t.length - 1);
	}
	function d_(t) {
		var e = t && t.length ? this.write(t) : "";
		if (this.lastNeed) {
			var r = this.lastTotal - this.lastNeed;
			return e + this.lastChar.toString("utf16le", 0, r);
		}
		return e;
	}
	function h_(t, e) {
		var r = (t.length - e) % 3;
		return r === 0 ? t.toString("base64", e) : (this.lastNeed = 3 - r, this.lastTotal = 3, r === 1 ? this.lastChar[0] = t[t.length - 1] : (this.lastChar[0] = t[t.length - 2], this.lastChar[1] = t[t.length - 1]), t.toString("base64", e, t.length - r));
	}
	function p_(t) {
		var e = t && t.length ? this.write(t) : "";
		return this.lastNeed ? e + this.lastChar.toString("base64", 0, 3 - this.lastNeed) : e;
	}
	function g_(t) {
		return t.toString(this.encoding);
	}
	function y_(t) {
		return t && t.length ? this.write(t) : "";
	}
});
var as = H((EO, Jf) => {
	"use strict";
	x();
	P();
	T();
	var Qf = zt(), { PromisePrototypeThen: b_, SymbolAsyncIterator: Kf, SymbolIterator: Yf } = Ee(), { Buffer: m_ } = (ke(), _e(Le)), { ERR_INVALID_ARG_TYPE: __, ERR_STREAM_NULL_VALUES: w_ } = Ue().codes;
	function v_(t, e, r) {
		let n;
		if (typeof e == "string" || e instanceof m_) return new t({
			objectMode: !0,
			...r,
			read() {
				this.push(e), this.push(null);
			}
		});
		let i;
		if (e && e[Kf]) i = !0, n = e[Kf]();
		else if (e && e[Yf]) i = !1, n = e[Yf]();
		else throw new __("iterable", ["Iterable"], e);
		let s = new t({
			objectMode: !0,
			highWaterMark: 1,
			...r
		}), o = !1;
		s._read = function() {
			o || (o = !0, c());
		}, s._destroy = function(f, d) {
			b_(u(f), () => Qf.nextTick(d, f), (h) => Qf.nextTick(d, h || f));
		};
		async function u(f) {
			let d = f != null, h = typeof n.throw == "function";
			if (d && h) {
				let { value: _, done: y } = await n.throw(f);
				if (await _, y) return;
			}
			if (typeof n.return == "function") {
				let { value: _ } = await n.return();
				await _;
			}
		}
		async function c() {
			for (;;) {
				try {
					let { value: f, done: d } = i ? await n.next() : n.next();
					if (d) s.push(null);
					else {
						let h = f && typeof f.then == "function" ? await f : f;
						if (h === null) throw o = !1, new w_();
						if (s.push(h)) continue;
						o = !1;
					}
				} catch (f) {
					s.destroy(f);
				}
				break;
			}
		}
		return s;
	}
	Jf.exports = v_;
});
var _n = H((MO, gd) => {
	"use strict";
	x();
	P();
	T();
	var at = zt(), { ArrayPrototypeIndexOf: S_, NumberIsInteger: E_, NumberIsNaN: A_, NumberParseInt: I_, ObjectDefineProperties: gs, ObjectKeys: x_, ObjectSetPrototypeOf: ed, Promise: td, SafeSet: T_, SymbolAsyncDispose: P_, SymbolAsyncIterator: O_, Symbol: R_ } = Ee();
	gd.exports = le;
	le.ReadableState = Bi;
	var { EventEmitter: k_ } = (Ht(), _e(Vt)), { Stream: Qt, prependListener: C_ } = Ti(), { Buffer: us } = (ke(), _e(Le)), { addAbortSignal: M_ } = gn(), rd = Pt(), he = We().debuglog("stream", (t) => {
		he = t;
	}), B_ = qf(), $r = gr(), { getHighWaterMark: N_, getDefaultHighWaterMark: L_ } = yn(), { aggregateTwoErrors: Xf, codes: { ERR_INVALID_ARG_TYPE: q_, ERR_METHOD_NOT_IMPLEMENTED: D_, ERR_OUT_OF_RANGE: U_, ERR_STREAM_PUSH_AFTER_EOF: F_, ERR_STREAM_UNSHIFT_AFTER_END_EVENT: j_ }, AbortError: $_ } = Ue(), { validateObject: W_ } = qr(), br = R_("kPaused"), { StringDecoder: nd } = Gf(), V_ = as();
	ed(le.prototype, Qt.prototype);
	ed(le, Qt);
	var ls = () => {}, { errorOrDestroy: Fr } = $r, jr = 1, H_ = 2, id = 4, mn = 8, od = 16, ki = 32, Ci = 64, sd = 128, z_ = 256, G_ = 512, Q_ = 1024, hs = 2048, ps = 4096, K_ = 8192, Y_ = 16384, J_ = 32768, ad = 65536, X_ = 1 << 17, Z_ = 1 << 18;
	function Ce(t) {
		return {
			enumerable: !1,
			get() {
				return (this.state & t) !== 0;
			},
			set(e) {
				e ? this.state |= t : this.state &= ~t;
			}
		};
	}
	gs(Bi.prototype, {
		objectMode: Ce(jr),
		ended: Ce(H_),
		endEmitted: Ce(id),
		reading: Ce(mn),
		constructed: Ce(od),
		sync: Ce(ki),
		needReadable: Ce(Ci),
		emittedReadable: Ce(sd),
		readableListening: Ce(z_),
		resumeScheduled: Ce(G_),
		errorEmitted: Ce(Q_),
		emitClose: Ce(hs),
		autoDestroy: Ce(ps),
		destroyed: Ce(K_),
		closed: Ce(Y_),
		closeEmitted: Ce(J_),
		multiAwaitDrain: Ce(ad),
		readingMore: Ce(X_),
		dataEmitted: Ce(Z_)
	});
	function Bi(t, e, r) {
		typeof r != "boolean" && (r = e instanceof mt()), this.state = hs | ps | od | ki, t && t.objectMode && (this.state |= jr), r && t && t.readableObjectMode && (this.state |= jr), this.highWaterMark = t ? N_(this, t, "readableHighWaterMark", r) : L_(!1), this.buffer = new B_(), this.length = 0, this.pipes = [], this.flowing = null, this[br] = null, t && t.emitClose === !1 && (this.state &= ~hs), t && t.autoDestroy === !1 && (this.state &= ~ps), this.errored = null, this.defaultEncoding = t && t.defaultEncoding || "utf8", this.awaitDrainWriters = null, this.decoder = null, this.encoding = null, t && t.encoding && (this.decoder = new nd(t.encoding), this.encoding = t.encoding);
	}
	function le(t) {
		if (!(this instanceof le)) return new le(t);
		let e = this instanceof mt();
		this._readableState = new Bi(t, this, e), t && (typeof t.read == "function" && (this._read = t.read), typeof t.destroy == "function" && (this._destroy = t.destroy), typeof t.construct == "function" && (this._construct = t.construct), t.signal && !e && M_(t.signal, this)), Qt.call(this, t), $r.construct(this, () => {
			this._readableState.needReadable && Mi(this, this._readableState);
		});
	}
	le.prototype.destroy = $r.destroy;
	le.prototype._undestroy = $r.undestroy;
	le.prototype._destroy = function(t, e) {
		e(t);
	};
	le.prototype[k_.captureRejectionSymbol] = function(t) {
		this.destroy(t);
	};
	le.prototype[P_] = function() {
		let t;
		return this.destroyed || (t = this.readableEnded ? null : new $_(), this.destroy(t)), new td((e, r) => rd(this, (n) => n && n !== t ? r(n) : e(null)));
	};
	le.prototype.push = function(t, e) {
		return ud(this, t, e, !1);
	};
	le.prototype.unshift = function(t, e) {
		return ud(this, t, e, !0);
	};
	function ud(t, e, r, n) {
		he("readableAddChunk", e);
		let i = t._readableState, s;
		if ((i.state & jr) === 0 && (typeof e == "string" ? (r = r || i.defaultEncoding, i.encoding !== r && (n && i.encoding ? e = us.from(e, r).toString(i.encoding) : (e = us.from(e, r), r = ""))) : e instanceof us ? r = "" : Qt._isUint8Array(e) ? (e = Qt._uint8ArrayToBuffer(e), r = "") : e != null && (s = new q_("chunk", [
			"string",
			"Buffer",
			"Uint8Array"
		], e))), s) Fr(t, s);
		else if (e === null) i.state &= ~mn, rw(t, i);
		else if ((i.state & jr) !== 0 || e && e.length > 0) if (n) if ((i.state & id) !== 0) Fr(t, new j_());
		else {
			if (i.destroyed || i.errored) return !1;
			cs(t, i, e, !0);
		}
		else if (i.ended) Fr(t, new F_());
		else {
			if (i.destroyed || i.errored) return !1;
			i.state &= ~mn, i.decoder && !r ? (e = i.decoder.write(e), i.objectMode || e.length !== 0 ? cs(t, i, e, !1) : Mi(t, i)) : cs(t, i, e, !1);
		}
		else n || (i.state &= ~mn, Mi(t, i));
		return !i.ended && (i.length < i.highWaterMark || i.length === 0);
	}
	function cs(t, e, r, n) {
		e.flowing && e.length === 0 && !e.sync && t.listenerCount("data") > 0 ? ((e.state & ad) !== 0 ? e.awaitDrainWriters.clear() : e.awaitDrainWriters = null, e.dataEmitted = !0, t.emit("data", r)) : (e.length += e.objectMode ? 1 : r.length, n ? e.buffer.unshift(r) : e.buffer.push(r), (e.state & Ci) !== 0 && Ni(t)), Mi(t, e);
	}
	le.prototype.isPaused = function() {
		let t = this._readableState;
		return t[br] === !0 || t.flowing === !1;
	};
	le.prototype.setEncoding = function(t) {
		let e = new nd(t);
		this._readableState.decoder = e, this._readableState.encoding = this._readableState.decoder.encoding;
		let r = this._readableState.buffer, n = "";
		for (let i of r) n += e.write(i);
		return r.clear(), n !== "" && r.push(n), this._readableState.length = n.length, this;
	};
	var ew = 1073741824;
	function tw(t) {
		if (t > ew) throw new U_("size", "<= 1GiB", t);
		return t--, t |= t >>> 1, t |= t >>> 2, t |= t >>> 4, t |= t >>> 8, t |= t >>> 16, t++, t;
	}
	function Zf(t, e) {
		return t <= 0 || e.length === 0 && e.ended ? 0 : (e.state & jr) !== 0 ? 1 : A_(t) ? e.flowing && e.length ? e.buffer.first().length : e.length : t <= e.length ? t : e.ended ? e.length : 0;
	}
	le.prototype.read = function(t) {
		he("read", t), t === void 0 ? t = NaN : E_(t) || (t = I_(t, 10));
		let e = this._readableState, r = t;
		if (t > e.highWaterMark && (e.highWaterMark = tw(t)), t !== 0 && (e.state &= ~sd), t === 0 && e.needReadable && ((e.highWaterMark !== 0 ? e.length >= e.highWaterMark : e.length > 0) || e.ended)) return he("read: emitReadable", e.length, e.ended), e.length === 0 && e.ended ? fs(this) : Ni(this), null;
		if (t = Zf(t, e), t === 0 && e.ended) return e.length === 0 && fs(this), null;
		let n = (e.state & Ci) !== 0;
		if (he("need readable", n), (e.length === 0 || e.length - t < e.highWaterMark) && (n = !0, he("length less than watermark", n)), e.ended || e.reading || e.destroyed || e.errored || !e.constructed) n = !1, he("reading, ended or constructing", n);
		else if (n) {
			he("do read"), e.state |= mn | ki, e.length === 0 && (e.state |= Ci);
			try {
				this._read(e.highWaterMark);
			} catch (s) {
				Fr(this, s);
			}
			e.state &= ~ki, e.reading || (t = Zf(r, e));
		}
		let i;
		return t > 0 ? i = hd(t, e) : i = null, i === null ? (e.needReadable = e.length <= e.highWaterMark, t = 0) : (e.length -= t, e.multiAwaitDrain ? e.awaitDrainWriters.clear() : e.awaitDrainWriters = null), e.length === 0 && (e.ended || (e.needReadable = !0), r !== t && e.ended && fs(this)), i !== null && !e.errorEmitted && !e.closeEmitted && (e.dataEmitted = !0, this.emit("data", i)), i;
	};
	function rw(t, e) {
		if (he("onEofChunk"), !e.ended) {
			if (e.decoder) {
				let r = e.decoder.end();
				r && r.length && (e.buffer.push(r), e.length += e.objectMode ? 1 : r.length);
			}
			e.ended = !0, e.sync ? Ni(t) : (e.needReadable = !1, e.emittedReadable = !0, ld(t));
		}
	}
	function Ni(t) {
		let e = t._readableState;
		he("emitReadable", e.needReadable, e.emittedReadable), e.needReadable = !1, e.emittedReadable || (he("emitReadable", e.flowing), e.emittedReadable = !0, at.nextTick(ld, t));
	}
	function ld(t) {
		let e = t._readableState;
		he("emitReadable_", e.destroyed, e.length, e.ended), !e.destroyed && !e.errored && (e.length || e.ended) && (t.emit("readable"), e.emittedReadable = !1), e.needReadable = !e.flowing && !e.ended && e.length <= e.highWaterMark, fd(t);
	}
	function Mi(t, e) {
		!e.readingMore && e.constructed && (e.readingMore = !0, at.nextTick(nw, t, e));
	}
	function nw(t, e) {
		for (; !e.reading && !e.ended && (e.length < e.highWaterMark || e.flowing && e.length === 0);) {
			let r = e.length;
			if (he("maybeReadMore read 0"), t.read(0), r === e.length) break;
		}
		e.readingMore = !1;
	}
	le.prototype._read = function(t) {
		throw new D_("_read()");
	};
	le.prototype.pipe = function(t, e) {
		let r = this, n = this._readableState;
		n.pipes.length === 1 && (n.multiAwaitDrain || (n.multiAwaitDrain = !0, n.awaitDrainWriters = new T_(n.awaitDrainWriters ? [n.awaitDrainWriters] : []))), n.pipes.push(t), he("pipe count=%d opts=%j", n.pipes.length, e);
		let s = (!e || e.end !== !1) && t !== at.stdout && t !== at.stderr ? u : b;
		n.endEmitted ? at.nextTick(s) : r.once("end", s), t.on("unpipe", o);
		function o(m, w) {
			he("onunpipe"), m === r && w && w.hasUnpiped === !1 && (w.hasUnpiped = !0, d());
		}
		function u() {
			he("onend"), t.end();
		}
		let c, f = !1;
		function d() {
			he("cleanup"), t.removeListener("close", I), t.removeListener("finish", S), c && t.removeListener("drain", c), t.removeListener("error", y), t.removeListener("unpipe", o), r.removeListener("end", u), r.removeListener("end", b), r.removeListener("data", _), f = !0, c && n.awaitDrainWriters && (!t._writableState || t._writableState.needDrain) && c();
		}
		function h() {
			f || (n.pipes.length === 1 && n.pipes[0] === t ? (he("false write response, pause", 0), n.awaitDrainWriters = t, n.multiAwaitDrain = !1) : n.pipes.length > 1 && n.pipes.includes(t) && (he("false write response, pause", n.awaitDrainWriters.size), n.awaitDrainWriters.add(t)), r.pause()), c || (c = iw(r, t), t.on("drain", c));
		}
		r.on("data", _);
		function _(m) {
			he("ondata");
			let w = t.write(m);
			he("dest.write", w), w === !1 && h();
		}
		function y(m) {
			if (he("onerror", m), b(), t.removeListener("error", y), t.listenerCount("error") === 0) {
				let w = t._writableState || t._readableState;
				w && !w.errorEmitted ? Fr(t, m) : t.emit("error", m);
			}
		}
		C_(t, "error", y);
		function I() {
			t.removeListener("finish", S), b();
		}
		t.once("close", I);
		function S() {
			he("onfinish"), t.removeListener("close", I), b();
		}
		t.once("finish", S);
		function b() {
			he("unpipe"), r.unpipe(t);
		}
		return t.emit("pipe", r), t.writableNeedDrain === !0 ? h() : n.flowing || (he("pipe resume"), r.resume()), t;
	};
	function iw(t, e) {
		return function() {
			let n = t._readableState;
			n.awaitDrainWriters === e ? (he("pipeOnDrain", 1), n.awaitDrainWriters = null) : n.multiAwaitDrain && (he("pipeOnDrain", n.awaitDrainWriters.size), n.awaitDrainWriters.delete(e)), (!n.awaitDrainWriters || n.awaitDrainWriters.size === 0) && t.listenerCount("data") && t.resume();
		};
	}
	le.prototype.unpipe = function(t) {
		let e = this._readableState, r = { hasUnpiped: !1 };
		if (e.pipes.length === 0) return this;
		if (!t) {
			let i = e.pipes;
			e.pipes = [], this.pause();
			for (let s = 0; s < i.length; s++) i[s].emit("unpipe", this, { hasUnpiped: !1 });
			return this;
		}
		let n = S_(e.pipes, t);
		return n === -1 ? this : (e.pipes.splice(n, 1), e.pipes.length === 0 && this.pause(), t.emit("unpipe", this, r), this);
	};
	le.prototype.on = function(t, e) {
		let r = Qt.prototype.on.call(this, t, e), n = this._readableState;
		return t === "data" ? (n.readableListening = this.listenerCount("readable") > 0, n.flowing !== !1 && this.resume()) : t === "readable" && !n.endEmitted && !n.readableListening && (n.readableListening = n.needReadable = !0, n.flowing = !1, n.emittedReadable = !1, he("on readable", n.length, n.reading), n.length ? Ni(this) : n.reading || at.nextTick(ow, this)), r;
	};
	le.prototype.addListener = le.prototype.on;
	le.prototype.removeListener = function(t, e) {
		let r = Qt.prototype.removeListener.call(this, t, e);
		return t === "readable" && at.nextTick(cd, this), r;
	};
	le.prototype.off = le.prototype.removeListener;
	le.prototype.removeAllListeners = function(t) {
		let e = Qt.prototype.removeAllListeners.apply(this, arguments);
		return (t === "readable" || t === void 0) && at.nextTick(cd, this), e;
	};
	function cd(t) {
		let e = t._readableState;
		e.readableListening = t.listenerCount("readable") > 0, e.resumeScheduled && e[br] === !1 ? e.flowing = !0 : t.listenerCount("data") > 0 ? t.resume() : e.readableListening || (e.flowing = null);
	}
	function ow(t) {
		he("readable nexttick read 0"), t.read(0);
	}
	le.prototype.resume = function() {
		let t = this._readableState;
		return t.flowing || (he("resume"), t.flowing = !t.readableListening, sw(this, t)), t[br] = !1, this;
	};
	function sw(t, e) {
		e.resumeScheduled || (e.resumeScheduled = !0, at.nextTick(aw, t, e));
	}
	function aw(t, e) {
		he("resume", e.reading), e.reading || t.read(0), e.resumeScheduled = !1, t.emit("resume"), fd(t), e.flowing && !e.reading && t.read(0);
	}
	le.prototype.pause = function() {
		return he("call pause flowing=%j", this._readableState.flowing), this._readableState.flowing !== !1 && (he("pause"), this._readableState.flowing = !1, this.emit("pause")), this._readableState[br] = !0, this;
	};
	function fd(t) {
		let e = t._readableState;
		for (he("flow", e.flowing); e.flowing && t.read() !== null;);
	}
	le.prototype.wrap = function(t) {
		let e = !1;
		t.on("data", (n) => {
			!this.push(n) && t.pause && (e = !0, t.pause());
		}), t.on("end", () => {
			this.push(null);
		}), t.on("error", (n) => {
			Fr(this, n);
		}), t.on("close", () => {
			this.destroy();
		}), t.on("destroy", () => {
			this.destroy();
		}), this._read = () => {
			e && t.resume && (e = !1, t.resume());
		};
		let r = x_(t);
		for (let n = 1; n < r.length; n++) {
			let i = r[n];
			this[i] === void 0 && typeof t[i] == "function" && (this[i] = t[i].bind(t));
		}
		return this;
	};
	le.prototype[O_] = function() {
		return dd(this);
	};
	le.prototype.iterator = function(t) {
		return t !== void 0 && W_(t, "options"), dd(this, t);
	};
	function dd(t, e) {
		typeof t.read != "function" && (t = le.wrap(t, { objectMode: !0 }));
		let r = uw(t, e);
		return r.stream = t, r;
	}
	async function* uw(t, e) {
		let r = ls;
		function n(o) {
			this === t ? (r(), r = ls) : r = o;
		}
		t.on("readable", n);
		let i, s = rd(t, { writable: !1 }, (o) => {
			i = o ? Xf(i, o) : null, r(), r = ls;
		});
		try {
			for (;;) {
				let o = t.destroyed ? null : t.read();
				if (o !== null) yield o;
				else {
					if (i) throw i;
					if (i === null) return;
					await new td(n);
				}
			}
		} catch (o) {
			throw i = Xf(i, o), i;
		} finally {
			(i || e?.destroyOnReturn !== !1) && (i === void 0 || t._readableState.autoDestroy) ? $r.destroyer(t, null) : (t.off("readable", n), s());
		}
	}
	gs(le.prototype, {
		readable: {
			__proto__: null,
			get() {
				let t = this._readableState;
				return !!t && t.readable !== !1 && !t.destroyed && !t.errorEmitted && !t.endEmitted;
			},
			set(t) {
				this._readableState && (this._readableState.readable = !!t);
			}
		},
		readableDidRead: {
			__proto__: null,
			enumerable: !1,
			get: function() {
				return this._readableState.dataEmitted;
			}
		},
		readableAborted: {
			__proto__: null,
			enumerable: !1,
			get: function() {
				return !!(this._readableState.readable !== !1 && (this._readableState.destroyed || this._readableState.errored) && !this._readableState.endEmitted);
			}
		},
		readableHighWaterMark: {
			__proto__: null,
			enumerable: !1,
			get: function() {
				return this._readableState.highWaterMark;
			}
		},
		readableBuffer: {
			__proto__: null,
			enumerable: !1,
			get: function() {
				return this._readableState && this._readableState.buffer;
			}
		},
		readableFlowing: {
			__proto__: null,
			enumerable: !1,
			get: function() {
				return this._readableState.flowing;
			},
			set: function(t) {
				this._readableState && (this._readableState.flowing = t);
			}
		},
		readableLength: {
			__proto__: null,
			enumerable: !1,
			get() {
				return this._readableState.length;
			}
		},
		readableObjectMode: {
			__proto__: null,
			enumerable: !1,
			get() {
				return this._readableState ? this._readableState.objectMode : !1;
			}
		},
		readableEncoding: {
			__proto__: null,
			enumerable: !1,
			get() {
				return this._readableState ? this._readableState.encoding : null;
			}
		},
		errored: {
			__proto__: null,
			enumerable: !1,
			get() {
				return this._readableState ? this._readableState.errored : null;
			}
		},
		closed: {
			__proto__: null,
			get() {
				return this._readableState ? this._readableState.closed : !1;
			}
		},
		destroyed: {
			__proto__: null,
			enumerable: !1,
			get() {
				return this._readableState ? this._readableState.destroyed : !1;
			},
			set(t) {
				this._readableState && (this._readableState.destroyed = t);
			}
		},
		readableEnded: {
			__proto__: null,
			enumerable: !1,
			get() {
				return this._readableState ? this._readableState.endEmitted : !1;
			}
		}
	});
	gs(Bi.prototype, {
		pipesCount: {
			__proto__: null,
			get() {
				return this.pipes.length;
			}
		},
		paused: {
			__proto__: null,
			get() {
				return this[br] !== !1;
			},
			set(t) {
				this[br] = !!t;
			}
		}
	});
	le._fromList = hd;
	function hd(t, e) {
		if (e.length === 0) return null;
		let r;
		return e.objectMode ? r = e.buffer.shift() : !t || t >= e.length ? (e.decoder ? r = e.buffer.join("") : e.buffer.length === 1 ? r = e.buffer.first() : r = e.buffer.concat(e.length), e.buffer.clear()) : r = e.buffer.consume(t, e.decoder), r;
	}
	function fs(t) {
		let e = t._readableState;
		he("endReadable", e.endEmitted), e.endEmitted || (e.ended = !0, at.nextTick(lw, e, t));
	}
	function lw(t, e) {
		if (he("endReadableNT", t.endEmitted, t.length), !t.errored && !t.closeEmitted && !t.endEmitted && t.length === 0) {
			if (t.endEmitted = !0, e.emit("end"), e.writable && e.allowHalfOpen === !1) at.nextTick(cw, e);
			else if (t.autoDestroy) {
				let r = e._writableState;
				(!r || r.autoDestroy && (r.finished || r.writable === !1)) && e.destroy();
			}
		}
	}
	function cw(t) {
		t.writable && !t.writableEnded && !t.destroyed && t.end();
	}
	le.from = function(t, e) {
		return V_(le, t, e);
	};
	var ds;
	function pd() {
		return ds === void 0 && (ds = {}), ds;
	}
	le.fromWeb = function(t, e) {
		return pd().newStreamReadableFromReadableStream(t, e);
	};
	le.toWeb = function(t, e) {
		return pd().newReadableStreamFromStreamReadable(t, e);
	};
	le.wrap = function(t, e) {
		var r, n;
		return new le({
			objectMode: (r = (n = t.readableObjectMode) !== null && n !== void 0 ? n : t.objectMode) !== null && r !== void 0 ? r : !0,
			...e,
			destroy(i, s) {
				$r.destroyer(t, i), s(i);
			}
		}).wrap(t);
	};
});
var Fi = H((WO, Td) => {
	"use strict";
	x();
	P();
	T();
	var mr = zt(), { ArrayPrototypeSlice: md, Error: fw, FunctionPrototypeSymbolHasInstance: _d, ObjectDefineProperty: wd, ObjectDefineProperties: dw, ObjectSetPrototypeOf: vd, StringPrototypeToLowerCase: hw, Symbol: pw, SymbolHasInstance: gw } = Ee();
	Td.exports = Ie;
	Ie.WritableState = Sn;
	var { EventEmitter: yw } = (Ht(), _e(Vt)), wn = Ti().Stream, { Buffer: Li } = (ke(), _e(Le)), Ui = gr(), { addAbortSignal: bw } = gn(), { getHighWaterMark: mw, getDefaultHighWaterMark: _w } = yn(), { ERR_INVALID_ARG_TYPE: ww, ERR_METHOD_NOT_IMPLEMENTED: vw, ERR_MULTIPLE_CALLBACK: Sd, ERR_STREAM_CANNOT_PIPE: Sw, ERR_STREAM_DESTROYED: vn, ERR_STREAM_ALREADY_FINISHED: Ew, ERR_STREAM_NULL_VALUES: Aw, ERR_STREAM_WRITE_AFTER_END: Iw, ERR_UNKNOWN_ENCODING: Ed } = Ue().codes, { errorOrDestroy: Wr } = Ui;
	vd(Ie.prototype, wn.prototype);
	vd(Ie, wn);
	function ms() {}
	var Vr = pw("kOnFinished");
	function Sn(t, e, r) {
		typeof r != "boolean" && (r = e instanceof mt()), this.objectMode = !!(t && t.objectMode), r && (this.objectMode = this.objectMode || !!(t && t.writableObjectMode)), this.highWaterMark = t ? mw(this, t, "writableHighWaterMark", r) : _w(!1), this.finalCalled = !1, this.needDrain = !1, this.ending = !1, this.ended = !1, this.finished = !1, this.destroyed = !1;
		let n = !!(t && t.decodeStrings === !1);
		this.decodeStrings = !n, this.defaultEncoding = t && t.defaultEncoding || "utf8", this.length = 0, this.writing = !1, this.corked = 0, this.sync = !0, this.bufferProcessing = !1, this.onwrite = Tw.bind(void 0, e), this.writecb = null, this.writelen = 0, this.afterWriteTickInfo = null, Di(this), this.pendingcb = 0, this.constructed = !0, this.prefinished = !1, this.errorEmitted = !1, this.emitClose = !t || t.emitClose !== !1, this.autoDestroy = !t || t.autoDestroy !== !1, this.errored = null, this.closed = !1, this.closeEmitted = !1, this[Vr] = [];
	}
	function Di(t) {
		t.buffered = [], t.bufferedIndex = 0, t.allBuffers = !0, t.allNoop = !0;
	}
	Sn.prototype.getBuffer = function() {
		return md(this.buffered, this.bufferedIndex);
	};
	wd(Sn.prototype, "bufferedRequestCount", {
		__proto__: null,
		get() {
			return this.buffered.length - this.bufferedIndex;
		}
	});
	function Ie(t) {
		let e = this instanceof mt();
		if (!e && !_d(Ie, this)) return new Ie(t);
		this._writableState = new Sn(t, this, e), t && (typeof t.write == "function" && (this._write = t.write), typeof t.writev == "function" && (this._writev = t.writev), typeof t.destroy == "function" && (this._destroy = t.destroy), typeof t.final == "function" && (this._final = t.final), typeof t.construct == "function" && (this._construct = t.construct), t.signal && bw(t.signal, this)), wn.call(this, t), Ui.construct(this, () => {
			let r = this._writableState;
			r.writing || ws(this, r), vs(this, r);
		});
	}
	wd(Ie, gw, {
		__proto__: null,
		value: function(t) {
			return _d(this, t) ? !0 : this !== Ie ? !1 : t && t._writableState instanceof Sn;
		}
	});
	Ie.prototype.pipe = function() {
		Wr(this, new Sw());
	};
	function Ad(t, e, r, n) {
		let i = t._writableState;
		if (typeof r == "function") n = r, r = i.defaultEncoding;
		else {
			if (!r) r = i.defaultEncoding;
			else if (r !== "buffer" && !Li.isEncoding(r)) throw new Ed(r);
			typeof n != "function" && (n = ms);
		}
		if (e === null) throw new Aw();
		if (!i.objectMode) if (typeof e == "string") i.decodeStrings !== !1 && (e = Li.from(e, r), r = "buffer");
		else if (e instanceof Li) r = "buffer";
		else if (wn._isUint8Array(e)) e = wn._uint8ArrayToBuffer(e), r = "buffer";
		else throw new ww("chunk", [
			"string",
			"Buffer",
			"Uint8Array"
		], e);
		let s;
		return i.ending ? s = new Iw() : i.destroyed && (s = new vn("write")), s ? (mr.nextTick(n, s), Wr(t, s, !0), s) : (i.pendingcb++, xw(t, i, e, r, n));
	}
	Ie.prototype.write = function(t, e, r) {
		return Ad(this, t, e, r) === !0;
	};
	Ie.prototype.cork = function() {
		this._writableState.corked++;
	};
	Ie.prototype.uncork = function() {
		let t = this._writableState;
		t.corked && (t.corked--, t.writing || ws(this, t));
	};
	Ie.prototype.setDefaultEncoding = function(e) {
		if (typeof e == "string" && (e = hw(e)), !Li.isEncoding(e)) throw new Ed(e);
		return this._writableState.defaultEncoding = e, this;
	};
	function xw(t, e, r, n, i) {
		let s = e.objectMode ? 1 : r.length;
		e.length += s;
		let o = e.length < e.highWaterMark;
		return o || (e.needDrain = !0), e.writing || e.corked || e.errored || !e.constructed ? (e.buffered.push({
			chunk: r,
			encoding: n,
			callback: i
		}), e.allBuffers && n !== "buffer" && (e.allBuffers = !1), e.allNoop && i !== ms && (e.allNoop = !1)) : (e.writelen = s, e.writecb = i, e.writing = !0, e.sync = !0, t._write(r, n, e.onwrite), e.sync = !1), o && !e.errored && !e.destroyed;
	}
	function yd(t, e, r, n, i, s, o) {
		e.writelen = n, e.writecb = o, e.writing = !0, e.sync = !0, e.destroyed ? e.onwrite(new vn("write")) : r ? t._writev(i, e.onwrite) : t._write(i, s, e.onwrite), e.sync = !1;
	}
	function bd(t, e, r, n) {
		--e.pendingcb, n(r), _s(e), Wr(t, r);
	}
	function Tw(t, e) {
		let r = t._writableState, n = r.sync, i = r.writecb;
		if (typeof i != "function") {
			Wr(t, new Sd());
			return;
		}
		r.writing = !1, r.writecb = null, r.length -= r.writelen, r.writelen = 0, e ? (e.stack, r.errored || (r.errored = e), t._readableState && !t._readableState.errored && (t._readableState.errored = e), n ? mr.nextTick(bd, t, r, e, i) : bd(t, r, e, i)) : (r.buffered.length > r.bufferedIndex && ws(t, r), n ? r.afterWriteTickInfo !== null && r.afterWriteTickInfo.cb === i ? r.afterWriteTickInfo.count++ : (r.afterWriteTickInfo = {
			count: 1,
			cb: i,
			stream: t,
			state: r
		}, mr.nextTick(Pw, r.afterWriteTickInfo)) : Id(t, r, 1, i));
	}
	function Pw({ stream: t, state: e, count: r, cb: n }) {
		return e.afterWriteTickInfo = null, Id(t, e, r, n);
	}
	function Id(t, e, r, n) {
		for (!e.ending && !t.destroyed && e.length === 0 && e.needDrain && (e.needDrain = !1, t.emit("drain")); r-- > 0;) e.pendingcb--, n();
		e.destroyed && _s(e), vs(t, e);
	}
	function _s(t) {
		if (t.writing) return;
		for (let i = t.bufferedIndex; i < t.buffered.length; ++i) {
			var e;
			let { chunk: s, callback: o } = t.buffered[i], u = t.objectMode ? 1 : s.length;
			t.length -= u, o((e = t.errored) !== null && e !== void 0 ? e : new vn("write"));
		}
		let r = t[Vr].splice(0);
		for (let i = 0; i < r.length; i++) {
			var n;
			r[i]((n = t.errored) !== null && n !== void 0 ? n : new vn("end"));
		}
		Di(t);
	}
	function ws(t, e) {
		if (e.corked || e.bufferProcessing || e.destroyed || !e.constructed) return;
		let { buffered: r, bufferedIndex: n, objectMode: i } = e, s = r.length - n;
		if (!s) return;
		let o = n;
		if (e.bufferProcessing = !0, s > 1 && t._writev) {
			e.pendingcb -= s - 1;
			let u = e.allNoop ? ms : (f) => {
				for (let d = o; d < r.length; ++d) r[d].callback(f);
			}, c = e.allNoop && o === 0 ? r : md(r, o);
			c.allBuffers = e.allBuffers, yd(t, e, !0, e.length, c, "", u), Di(e);
		} else {
			do {
				let { chunk: u, encoding: c, callback: f } = r[o];
				r[o++] = null;
				yd(t, e, !1, i ? 1 : u.length, u, c, f);
			} while (o < r.length && !e.writing);
			o === r.length ? Di(e) : o > 256 ? (r.splice(0, o), e.bufferedIndex = 0) : e.bufferedIndex = o;
		}
		e.bufferProcessing = !1;
	}
	Ie.prototype._write = function(t, e, r) {
		if (this._writev) this._writev([{
			chunk: t,
			encoding: e
		}], r);
		else throw new vw("_write()");
	};
	Ie.prototype._writev = null;
	Ie.prototype.end = function(t, e, r) {
		let n = this._writableState;
		typeof t == "function" ? (r = t, t = null, e = null) : typeof e == "function" && (r = e, e = null);
		let i;
		if (t != null) {
			let s = Ad(this, t, e);
			s instanceof fw && (i = s);
		}
		return n.corked && (n.corked = 1, this.uncork()), i || (!n.errored && !n.ending ? (n.ending = !0, vs(this, n, !0), n.ended = !0) : n.finished ? i = new Ew("end") : n.destroyed && (i = new vn("end"))), typeof r == "function" && (i || n.finished ? mr.nextTick(r, i) : n[Vr].push(r)), this;
	};
	function qi(t) {
		return t.ending && !t.destroyed && t.constructed && t.length === 0 && !t.errored && t.buffered.length === 0 && !t.finished && !t.writing && !t.errorEmitted && !t.closeEmitted;
	}
	function Ow(t, e) {
		let r = !1;
		function n(i) {
			if (r) {
				Wr(t, i ?? Sd());
				return;
			}
			if (r = !0, e.pendingcb--, i) {
				let s = e[Vr].splice(0);
				for (let o = 0; o < s.length; o++) s[o](i);
				Wr(t, i, e.sync);
			} else qi(e) && (e.prefinished = !0, t.emit("prefinish"), e.pendingcb++, mr.nextTick(bs, t, e));
		}
		e.sync = !0, e.pendingcb++;
		try {
			t._final(n);
		} catch (i) {
			n(i);
		}
		e.sync = !1;
	}
	function Rw(t, e) {
		!e.prefinished && !e.finalCalled && (typeof t._final == "function" && !e.destroyed ? (e.finalCalled = !0, Ow(t, e)) : (e.prefinished = !0, t.emit("prefinish")));
	}
	function vs(t, e, r) {
		qi(e) && (Rw(t, e), e.pendingcb === 0 && (r ? (e.pendingcb++, mr.nextTick((n, i) => {
			qi(i) ? bs(n, i) : i.pendingcb--;
		}, t, e)) : qi(e) && (e.pendingcb++, bs(t, e))));
	}
	function bs(t, e) {
		e.pendingcb--, e.finished = !0;
		let r = e[Vr].splice(0);
		for (let n = 0; n < r.length; n++) r[n]();
		if (t.emit("finish"), e.autoDestroy) {
			let n = t._readableState;
			(!n || n.autoDestroy && (n.endEmitted || n.readable === !1)) && t.destroy();
		}
	}
	dw(Ie.prototype, {
		closed: {
			__proto__: null,
			get() {
				return this._writableState ? this._writableState.closed : !1;
			}
		},
		destroyed: {
			__proto__: null,
			get() {
				return this._writableState ? this._writableState.destroyed : !1;
			},
			set(t) {
				this._writableState && (this._writableState.destroyed = t);
			}
		},
		writable: {
			__proto__: null,
			get() {
				let t = this._writableState;
				return !!t && t.writable !== !1 && !t.destroyed && !t.errored && !t.ending && !t.ended;
			},
			set(t) {
				this._writableState && (this._writableState.writable = !!t);
			}
		},
		writableFinished: {
			__proto__: null,
			get() {
				return this._writableState ? this._writableState.finished : !1;
			}
		},
		writableObjectMode: {
			__proto__: null,
			get() {
				return this._writableState ? this._writableState.objectMode : !1;
			}
		},
		writableBuffer: {
			__proto__: null,
			get() {
				return this._writableState && this._writableState.getBuffer();
			}
		},
		writableEnded: {
			__proto__: null,
			get() {
				return this._writableState ? this._writableState.ending : !1;
			}
		},
		writableNeedDrain: {
			__proto__: null,
			get() {
				let t = this._writableState;
				return t ? !t.destroyed && !t.ending && t.needDrain : !1;
			}
		},
		writableHighWaterMark: {
			__proto__: null,
			get() {
				return this._writableState && this._writableState.highWaterMark;
			}
		},
		writableCorked: {
			__proto__: null,
			get() {
				return this._writableState ? this._writableState.corked : 0;
			}
		},
		writableLength: {
			__proto__: null,
			get() {
				return this._writableState && this._writableState.length;
			}
		},
		errored: {
			__proto__: null,
			enumerable: !1,
			get() {
				return this._writableState ? this._writableState.errored : null;
			}
		},
		writableAborted: {
			__proto__: null,
			enumerable: !1,
			get: function() {
				return !!(this._writableState.writable !== !1 && (this._writableState.destroyed || this._writableState.errored) && !this._writableState.finished);
			}
		}
	});
	var kw = Ui.destroy;
	Ie.prototype.destroy = function(t, e) {
		let r = this._writableState;
		return !r.destroyed && (r.bufferedIndex < r.buffered.length || r[Vr].length) && mr.nextTick(_s, r), kw.call(this, t, e), this;
	};
	Ie.prototype._undestroy = Ui.undestroy;
	Ie.prototype._destroy = function(t, e) {
		e(t);
	};
	Ie.prototype[yw.captureRejectionSymbol] = function(t) {
		this.destroy(t);
	};
	var ys;
	function xd() {
		return ys === void 0 && (ys = {}), ys;
	}
	Ie.fromWeb = function(t, e) {
		return xd().newStreamWritableFromWritableStream(t, e);
	};
	Ie.toWeb = function(t) {
		return xd().newWritableStreamFromStreamWritable(t);
	};
});
var $d = H((ZO, jd) => {
	x();
	P();
	T();
	var Ss = zt(), Cw = (ke(), _e(Le)), { isReadable: Mw, isWritable: Bw, isIterable: Pd, isNodeStream: Nw, isReadableNodeStream: Od, isWritableNodeStream: Rd, isDuplexNodeStream: Lw, isReadableStream: kd, isWritableStream: Cd } = gt(), Md = Pt(), { AbortError: Ud, codes: { ERR_INVALID_ARG_TYPE: qw, ERR_INVALID_RETURN_VALUE: Bd } } = Ue(), { destroyer: zr } = gr(), Dw = mt(), Fd = _n(), Uw = Fi(), { createDeferredPromise: Nd } = We(), Ld = as(), qd = globalThis.Blob || Cw.Blob, Fw = typeof qd < "u" ? function(e) {
		return e instanceof qd;
	} : function(e) {
		return !1;
	}, jw = globalThis.AbortController || Nr().AbortController, { FunctionPrototypeCall: Dd } = Ee(), Kt = class extends Dw {
		constructor(e) {
			super(e), e?.readable === !1 && (this._readableState.readable = !1, this._readableState.ended = !0, this._readableState.endEmitted = !0), e?.writable === !1 && (this._writableState.writable = !1, this._writableState.ending = !0, this._writableState.ended = !0, this._writableState.finished = !0);
		}
	};
	jd.exports = function t(e, r) {
		if (Lw(e)) return e;
		if (Od(e)) return Hr({ readable: e });
		if (Rd(e)) return Hr({ writable: e });
		if (Nw(e)) return Hr({
			writable: !1,
			readable: !1
		});
		if (kd(e)) return Hr({ readable: Fd.fromWeb(e) });
		if (Cd(e)) return Hr({ writable: Uw.fromWeb(e) });
		if (typeof e == "function") {
			let { value: i, write: s, final: o, destroy: u } = $w(e);
			if (Pd(i)) return Ld(Kt, i, {
				objectMode: !0,
				write: s,
				final: o,
				destroy: u
			});
			let c = i?.then;
			if (typeof c == "function") {
				let f, d = Dd(c, i, (h) => {
					if (h != null) throw new Bd("nully", "body", h);
				}, (h) => {
					zr(f, h);
				});
				return f = new Kt({
					objectMode: !0,
					readable: !1,
					write: s,
					final(h) {
						o(async () => {
							try {
								await d, Ss.nextTick(h, null);
							} catch (_) {
								Ss.nextTick(h, _);
							}
						});
					},
					destroy: u
				});
			}
			throw new Bd("Iterable, AsyncIterable or AsyncFunction", r, i);
		}
		if (Fw(e)) return t(e.arrayBuffer());
		if (Pd(e)) return Ld(Kt, e, {
			objectMode: !0,
			writable: !1
		});
		if (kd(e?.readable) && Cd(e?.writable)) return Kt.fromWeb(e);
		if (typeof e?.writable == "object" || typeof e?.readable == "object") return Hr({
			readable: e != null && e.readable ? Od(e?.readable) ? e?.readable : t(e.readable) : void 0,
			writable: e != null && e.writable ? Rd(e?.writable) ? e?.writable : t(e.writable) : void 0
		});
		let n = e?.then;
		if (typeof n == "function") {
			let i;
			return Dd(n, e, (s) => {
				s != null && i.push(s), i.push(null);
			}, (s) => {
				zr(i, s);
			}), i = new Kt({
				objectMode: !0,
				writable: !1,
				read() {}
			});
		}
		throw new qw(r, [
			"Blob",
			"ReadableStream",
			"WritableStream",
			"Stream",
			"Iterable",
			"AsyncIterable",
			"Function",
			"{ readable, writable } pair",
			"Promise"
		], e);
	};
	function $w(t) {
		let { promise: e, resolve: r } = Nd(), n = new jw(), i = n.signal;
		return {
			value: t((async function* () {
				for (;;) {
					let o = e;
					e = null;
					let { chunk: u, done: c, cb: f } = await o;
					if (Ss.nextTick(f), c) return;
					if (i.aborted) throw new Ud(void 0, { cause: i.reason });
					({promise: e, resolve: r} = Nd()), yield u;
				}
			})(), { signal: i }),
			write(o, u, c) {
				let f = r;
				r = null, f({
					chunk: o,
					done: !1,
					cb: c
				});
			},
			final(o) {
				let u = r;
				r = null, u({
					done: !0,
					cb: o
				});
			},
			destroy(o, u) {
				n.abort(), u(o);
			}
		};
	}
	function Hr(t) {
		let e = t.readable && typeof t.readable.read != "function" ? Fd.wrap(t.readable) : t.readable, r = t.writable, n = !!Mw(e), i = !!Bw(r), s, o, u, c, f;
		function d(h) {
			let _ = c;
			c = null, _ ? _(h) : h && f.destroy(h);
		}
		return f = new Kt({
			readableObjectMode: !!(e != null && e.readableObjectMode),
			writableObjectMode: !!(r != null && r.writableObjectMode),
			readable: n,
			writable: i
		}), i && (Md(r, (h) => {
			i = !1, h && zr(e, h), d(h);
		}), f._write = function(h, _, y) {
			r.write(h, _) ? y() : s = y;
		}, f._final = function(h) {
			r.end(), o = h;
		}, r.on("drain", function() {
			if (s) {
				let h = s;
				s = null, h();
			}
		}), r.on("finish", function() {
			if (o) {
				let h = o;
				o = null, h();
			}
		})), n && (Md(e, (h) => {
			n = !1, h && zr(e, h), d(h);
		}), e.on("readable", function() {
			if (u) {
				let h = u;
				u = null, h();
			}
		}), e.on("end", function() {
			f.push(null);
		}), f._read = function() {
			for (;;) {
				let h = e.read();
				if (h === null) {
					u = f._read;
					return;
				}
				if (!f.push(h)) return;
			}
		}), f._destroy = function(h, _) {
			!h && c !== null && (h = new Ud()), u = null, s = null, o = null, c === null ? _(h) : (c = _, zr(r, h), zr(e, h));
		}, f;
	}
});
var mt = H((lR, Hd) => {
	"use strict";
	x();
	P();
	T();
	var { ObjectDefineProperties: Ww, ObjectGetOwnPropertyDescriptor: Ot, ObjectKeys: Vw, ObjectSetPrototypeOf: Wd } = Ee();
	Hd.exports = ut;
	var Is = _n(), et = Fi();
	Wd(ut.prototype, Is.prototype);
	Wd(ut, Is);
	{
		let t = Vw(et.prototype);
		for (let e = 0; e < t.length; e++) {
			let r = t[e];
			ut.prototype[r] || (ut.prototype[r] = et.prototype[r]);
		}
	}
	function ut(t) {
		if (!(this instanceof ut)) return new ut(t);
		Is.call(this, t), et.call(this, t), t ? (this.allowHalfOpen = t.allowHalfOpen !== !1, t.readable === !1 && (this._readableState.readable = !1, this._readableState.ended = !0, this._readableState.endEmitted = !0), t.writable === !1 && (this._writableState.writable = !1, this._writableState.ending = !0, this._writableState.ended = !0, this._writableState.finished = !0)) : this.allowHalfOpen = !0;
	}
	Ww(ut.prototype, {
		writable: {
			__proto__: null,
			...Ot(et.prototype, "writable")
		},
		writableHighWaterMark: {
			__proto__: null,
			...Ot(et.prototype, "writableHighWaterMark")
		},
		writableObjectMode: {
			__proto__: null,
			...Ot(et.prototype, "writableObjectMode")
		},
		writableBuffer: {
			__proto__: null,
			...Ot(et.prototype, "writableBuffer")
		},
		writableLength: {
			__proto__: null,
			...Ot(et.prototype, "writableLength")
		},
		writableFinished: {
			__proto__: null,
			...Ot(et.prototype, "writableFinished")
		},
		writableCorked: {
			__proto__: null,
			...Ot(et.prototype, "writableCorked")
		},
		writableEnded: {
			__proto__: null,
			...Ot(et.prototype, "writableEnded")
		},
		writableNeedDrain: {
			__proto__: null,
			...Ot(et.prototype, "writableNeedDrain")
		},
		destroyed: {
			__proto__: null,
			get() {
				return this._readableState === void 0 || this._writableState === void 0 ? !1 : this._readableState.destroyed && this._writableState.destroyed;
			},
			set(t) {
				this._readableState && this._writableState && (this._readableState.destroyed = t, this._writableState.destroyed = t);
			}
		}
	});
	var Es;
	function Vd() {
		return Es === void 0 && (Es = {}), Es;
	}
	ut.fromWeb = function(t, e) {
		return Vd().newStreamDuplexFromReadableWritablePair(t, e);
	};
	ut.toWeb = function(t) {
		return Vd().newReadableWritablePairFromDuplex(t);
	};
	var As;
	ut.from = function(t) {
		return As || (As = $d()), As(t, "body");
	};
});
var Ps = H((_R, Gd) => {
	"use strict";
	x();
	P();
	T();
	var { ObjectSetPrototypeOf: zd, Symbol: Hw } = Ee();
	Gd.exports = Rt;
	var { ERR_METHOD_NOT_IMPLEMENTED: zw } = Ue().codes, Ts = mt(), { getHighWaterMark: Gw } = yn();
	zd(Rt.prototype, Ts.prototype);
	zd(Rt, Ts);
	var En = Hw("kCallback");
	function Rt(t) {
		if (!(this instanceof Rt)) return new Rt(t);
		let e = t ? Gw(this, t, "readableHighWaterMark", !0) : null;
		e === 0 && (t = {
			...t,
			highWaterMark: null,
			readableHighWaterMark: e,
			writableHighWaterMark: t.writableHighWaterMark || 0
		}), Ts.call(this, t), this._readableState.sync = !1, this[En] = null, t && (typeof t.transform == "function" && (this._transform = t.transform), typeof t.flush == "function" && (this._flush = t.flush)), this.on("prefinish", Qw);
	}
	function xs(t) {
		typeof this._flush == "function" && !this.destroyed ? this._flush((e, r) => {
			if (e) {
				t ? t(e) : this.destroy(e);
				return;
			}
			r != null && this.push(r), this.push(null), t && t();
		}) : (this.push(null), t && t());
	}
	function Qw() {
		this._final !== xs && xs.call(this);
	}
	Rt.prototype._final = xs;
	Rt.prototype._transform = function(t, e, r) {
		throw new zw("_transform()");
	};
	Rt.prototype._write = function(t, e, r) {
		let n = this._readableState, i = this._writableState, s = n.length;
		this._transform(t, e, (o, u) => {
			if (o) {
				r(o);
				return;
			}
			u != null && this.push(u), i.ended || s === n.length || n.length < n.highWaterMark ? r() : this[En] = r;
		});
	};
	Rt.prototype._read = function() {
		if (this[En]) {
			let t = this[En];
			this[En] = null, t();
		}
	};
});
var Rs = H((OR, Kd) => {
	"use strict";
	x();
	P();
	T();
	var { ObjectSetPrototypeOf: Qd } = Ee();
	Kd.exports = Gr;
	var Os = Ps();
	Qd(Gr.prototype, Os.prototype);
	Qd(Gr, Os);
	function Gr(t) {
		if (!(this instanceof Gr)) return new Gr(t);
		Os.call(this, t);
	}
	Gr.prototype._transform = function(t, e, r) {
		r(null, t);
	};
});
var Vi = H((UR, eh) => {
	x();
	P();
	T();
	var An = zt(), { ArrayIsArray: Kw, Promise: Yw, SymbolAsyncIterator: Jw, SymbolDispose: Xw } = Ee(), Wi = Pt(), { once: Zw } = We(), ev = gr(), Yd = mt(), { aggregateTwoErrors: tv, codes: { ERR_INVALID_ARG_TYPE: Us, ERR_INVALID_RETURN_VALUE: ks, ERR_MISSING_ARGS: rv, ERR_STREAM_DESTROYED: nv, ERR_STREAM_PREMATURE_CLOSE: iv }, AbortError: ov } = Ue(), { validateFunction: sv, validateAbortSignal: av } = qr(), { isIterable: _r, isReadable: Cs, isReadableNodeStream: $i, isNodeStream: Jd, isTransformStream: Qr, isWebStream: uv, isReadableStream: Ms, isReadableFinished: lv } = gt(), cv = globalThis.AbortController || Nr().AbortController, Bs, Ns, Ls;
	function Xd(t, e, r) {
		let n = !1;
		t.on("close", () => {
			n = !0;
		});
		return {
			destroy: (s) => {
				n || (n = !0, ev.destroyer(t, s || new nv("pipe")));
			},
			cleanup: Wi(t, {
				readable: e,
				writable: r
			}, (s) => {
				n = !s;
			})
		};
	}
	function fv(t) {
		return sv(t[t.length - 1], "streams[stream.length - 1]"), t.pop();
	}
	function qs(t) {
		if (_r(t)) return t;
		if ($i(t)) return dv(t);
		throw new Us("val", [
			"Readable",
			"Iterable",
			"AsyncIterable"
		], t);
	}
	async function* dv(t) {
		Ns || (Ns = _n()), yield* Ns.prototype[Jw].call(t);
	}
	async function ji(t, e, r, { end: n }) {
		let i, s = null, o = (f) => {
			if (f && (i = f), s) {
				let d = s;
				s = null, d();
			}
		}, u = () => new Yw((f, d) => {
			i ? d(i) : s = () => {
				i ? d(i) : f();
			};
		});
		e.on("drain", o);
		let c = Wi(e, { readable: !1 }, o);
		try {
			e.writableNeedDrain && await u();
			for await (let f of t) e.write(f) || await u();
			n && (e.end(), await u()), r();
		} catch (f) {
			r(i !== f ? tv(i, f) : f);
		} finally {
			c(), e.off("drain", o);
		}
	}
	async function Ds(t, e, r, { end: n }) {
		Qr(e) && (e = e.writable);
		let i = e.getWriter();
		try {
			for await (let s of t) await i.ready, i.write(s).catch(() => {});
			await i.ready, n && await i.close(), r();
		} catch (s) {
			try {
				await i.abort(s), r(s);
			} catch (o) {
				r(o);
			}
		}
	}
	function hv(...t) {
		return Zd(t, Zw(fv(t)));
	}
	function Zd(t, e, r) {
		if (t.length === 1 && Kw(t[0]) && (t = t[0]), t.length < 2) throw new rv("streams");
		let n = new cv(), i = n.signal, s = r?.signal, o = [];
		av(s, "options.signal");
		function u() {
			I(new ov());
		}
		Ls = Ls || We().addAbortListener;
		let c;
		s && (c = Ls(s, u));
		let f, d, h = [], _ = 0;
		function y(R) {
			I(R, --_ === 0);
		}
		function I(R, A) {
			var g;
			if (R && (!f || f.code === "ERR_STREAM_PREMATURE_CLOSE") && (f = R), !(!f && !A)) {
				for (; h.length;) h.shift()(f);
				(g = c) === null || g === void 0 || g[Xw](), n.abort(), A && (f || o.forEach((O) => O()), An.nextTick(e, f, d));
			}
		}
		let S;
		for (let R = 0; R < t.length; R++) {
			let A = t[R], g = R < t.length - 1, O = R > 0, v = g || r?.end !== !1, B = R === t.length - 1;
			if (Jd(A)) {
				let D = function(L) {
					L && L.name !== "AbortError" && L.code !== "ERR_STREAM_PREMATURE_CLOSE" && y(L);
				};
				if (v) {
					let { destroy: L, cleanup: K } = Xd(A, g, O);
					h.push(L), Cs(A) && B && o.push(K);
				}
				A.on("error", D), Cs(A) && B && o.push(() => {
					A.removeListener("error", D);
				});
			}
			if (R === 0) if (typeof A == "function") {
				if (S = A({ signal: i }), !_r(S)) throw new ks("Iterable, AsyncIterable or Stream", "source", S);
			} else _r(A) || $i(A) || Qr(A) ? S = A : S = Yd.from(A);
			else if (typeof A == "function") {
				if (Qr(S)) {
					var b;
					S = qs((b = S) === null || b === void 0 ? void 0 : b.readable);
				} else S = qs(S);
				if (S = A(S, { signal: i }), g) {
					if (!_r(S, !0)) throw new ks("AsyncIterable", `transform[${R - 1}]`, S);
				} else {
					var m;
					Bs || (Bs = Rs());
					let D = new Bs({ objectMode: !0 }), L = (m = S) === null || m === void 0 ? void 0 : m.then;
					if (typeof L == "function") _++, L.call(S, ($) => {
						d = $, $ != null && D.write($), v && D.end(), An.nextTick(y);
					}, ($) => {
						D.destroy($), An.nextTick(y, $);
					});
					else if (_r(S, !0)) _++, ji(S, D, y, { end: v });
					else if (Ms(S) || Qr(S)) {
						let $ = S.readable || S;
						_++, ji($, D, y, { end: v });
					} else throw new ks("AsyncIterable or Promise", "destination", S);
					S = D;
					let { destroy: K, cleanup: U } = Xd(S, !1, !0);
					h.push(K), B && o.push(U);
				}
			} else if (Jd(A)) {
				if ($i(S)) {
					_ += 2;
					let D = pv(S, A, y, { end: v });
					Cs(A) && B && o.push(D);
				} else if (Qr(S) || Ms(S)) {
					let D = S.readable || S;
					_++, ji(D, A, y, { end: v });
				} else if (_r(S)) _++, ji(S, A, y, { end: v });
				else throw new Us("val", [
					"Readable",
					"Iterable",
					"AsyncIterable",
					"ReadableStream",
					"TransformStream"
				], S);
				S = A;
			} else if (uv(A)) {
				if ($i(S)) _++, Ds(qs(S), A, y, { end: v });
				else if (Ms(S) || _r(S)) _++, Ds(S, A, y, { end: v });
				else if (Qr(S)) _++, Ds(S.readable, A, y, { end: v });
				else throw new Us("val", [
					"Readable",
					"Iterable",
					"AsyncIterable",
					"ReadableStream",
					"TransformStream"
				], S);
				S = A;
			} else S = Yd.from(A);
		}
		return (i != null && i.aborted || s != null && s.aborted) && An.nextTick(u), S;
	}
	function pv(t, e, r, { end: n }) {
		let i = !1;
		if (e.on("close", () => {
			i || r(new iv());
		}), t.pipe(e, { end: !1 }), n) {
			let o = function() {
				i = !0, e.end();
			};
			lv(t) ? An.nextTick(o) : t.once("end", o);
		} else r();
		return Wi(t, {
			readable: !0,
			writable: !1
		}, (o) => {
			let u = t._readableState;
			o && o.code === "ERR_STREAM_PREMATURE_CLOSE" && u && u.ended && !u.errored && !u.errorEmitted ? t.once("end", r).once("error", r) : r(o);
		}), Wi(e, {
			readable: !1,
			writable: !0
		}, r);
	}
	eh.exports = {
		pipelineImpl: Zd,
		pipeline: hv
	};
});
var js = H((KR, sh) => {
	"use strict";
	x();
	P();
	T();
	var { pipeline: gv } = Vi(), Hi = mt(), { destroyer: yv } = gr(), { isNodeStream: zi, isReadable: th, isWritable: rh, isWebStream: Fs, isTransformStream: wr, isWritableStream: nh, isReadableStream: ih } = gt(), { AbortError: bv, codes: { ERR_INVALID_ARG_VALUE: oh, ERR_MISSING_ARGS: mv } } = Ue(), _v = Pt();
	sh.exports = function(...e) {
		if (e.length === 0) throw new mv("streams");
		if (e.length === 1) return Hi.from(e[0]);
		let r = [...e];
		if (typeof e[0] == "function" && (e[0] = Hi.from(e[0])), typeof e[e.length - 1] == "function") {
			let y = e.length - 1;
			e[y] = Hi.from(e[y]);
		}
		for (let y = 0; y < e.length; ++y) if (!(!zi(e[y]) && !Fs(e[y]))) {
			if (y < e.length - 1 && !(th(e[y]) || ih(e[y]) || wr(e[y]))) throw new oh(`streams[${y}]`, r[y], "must be readable");
			if (y > 0 && !(rh(e[y]) || nh(e[y]) || wr(e[y]))) throw new oh(`streams[${y}]`, r[y], "must be writable");
		}
		let n, i, s, o, u;
		function c(y) {
			let I = o;
			o = null, I ? I(y) : y ? u.destroy(y) : !_ && !h && u.destroy();
		}
		let f = e[0], d = gv(e, c), h = !!(rh(f) || nh(f) || wr(f)), _ = !!(th(d) || ih(d) || wr(d));
		if (u = new Hi({
			writableObjectMode: !!(f != null && f.writableObjectMode),
			readableObjectMode: !!(d != null && d.readableObjectMode),
			writable: h,
			readable: _
		}), h) {
			if (zi(f)) u._write = function(I, S, b) {
				f.write(I, S) ? b() : n = b;
			}, u._final = function(I) {
				f.end(), i = I;
			}, f.on("drain", function() {
				if (n) {
					let I = n;
					n = null, I();
				}
			});
			else if (Fs(f)) {
				let S = (wr(f) ? f.writable : f).getWriter();
				u._write = async function(b, m, w) {
					try {
						await S.ready, S.write(b).catch(() => {}), w();
					} catch (R) {
						w(R);
					}
				}, u._final = async function(b) {
					try {
						await S.ready, S.close().catch(() => {}), i = b;
					} catch (m) {
						b(m);
					}
				};
			}
			_v(wr(d) ? d.readable : d, () => {
				if (i) {
					let I = i;
					i = null, I();
				}
			});
		}
		if (_) {
			if (zi(d)) d.on("readable", function() {
				if (s) {
					let y = s;
					s = null, y();
				}
			}), d.on("end", function() {
				u.push(null);
			}), u._read = function() {
				for (;;) {
					let y = d.read();
					if (y === null) {
						s = u._read;
						return;
					}
					if (!u.push(y)) return;
				}
			};
			else if (Fs(d)) {
				let I = (wr(d) ? d.readable : d).getReader();
				u._read = async function() {
					for (;;) try {
						let { value: S, done: b } = await I.read();
						if (!u.push(S)) return;
						if (b) {
							u.push(null);
							return;
						}
					} catch {
						return;
					}
				};
			}
		}
		return u._destroy = function(y, I) {
			!y && o !== null && (y = new bv()), s = null, n = null, i = null, o === null ? I(y) : (o = I, zi(d) && yv(d, y));
		}, u;
	};
});
var yh = H((ok, Vs) => {
	"use strict";
	x();
	P();
	T();
	var wv = globalThis.AbortController || Nr().AbortController, { codes: { ERR_INVALID_ARG_VALUE: vv, ERR_INVALID_ARG_TYPE: In, ERR_MISSING_ARGS: Sv, ERR_OUT_OF_RANGE: Ev }, AbortError: _t } = Ue(), { validateAbortSignal: vr, validateInteger: ah, validateObject: Sr } = qr(), Av = Ee().Symbol("kWeak"), Iv = Ee().Symbol("kResistStopPropagation"), { finished: xv } = Pt(), Tv = js(), { addAbortSignalNoValidate: Pv } = gn(), { isWritable: Ov, isNodeStream: Rv } = gt(), { deprecate: kv } = We(), { ArrayPrototypePush: Cv, Boolean: Mv, MathFloor: uh, Number: Bv, NumberIsNaN: Nv, Promise: lh, PromiseReject: ch, PromiseResolve: Lv, PromisePrototypeThen: fh, Symbol: hh } = Ee(), Gi = hh("kEmpty"), dh = hh("kEof");
	function qv(t, e) {
		if (e != null && Sr(e, "options"), e?.signal != null && vr(e.signal, "options.signal"), Rv(t) && !Ov(t)) throw new vv("stream", t, "must be writable");
		let r = Tv(this, t);
		return e != null && e.signal && Pv(e.signal, r), r;
	}
	function Qi(t, e) {
		if (typeof t != "function") throw new In("fn", ["Function", "AsyncFunction"], t);
		e != null && Sr(e, "options"), e?.signal != null && vr(e.signal, "options.signal");
		let r = 1;
		e?.concurrency != null && (r = uh(e.concurrency));
		let n = r - 1;
		return e?.highWaterMark != null && (n = uh(e.highWaterMark)), ah(r, "options.concurrency", 1), ah(n, "options.highWaterMark", 0), n += r, async function* () {
			let s = We().AbortSignalAny([e?.signal].filter(Mv)), o = this, u = [], c = { signal: s }, f, d, h = !1, _ = 0;
			function y() {
				h = !0, I();
			}
			function I() {
				_ -= 1, S();
			}
			function S() {
				d && !h && _ < r && u.length < n && (d(), d = null);
			}
			async function b() {
				try {
					for await (let m of o) {
						if (h) return;
						if (s.aborted) throw new _t();
						try {
							if (m = t(m, c), m === Gi) continue;
							m = Lv(m);
						} catch (w) {
							m = ch(w);
						}
						_ += 1, fh(m, I, y), u.push(m), f && (f(), f = null), !h && (u.length >= n || _ >= r) && await new lh((w) => {
							d = w;
						});
					}
					u.push(dh);
				} catch (m) {
					let w = ch(m);
					fh(w, I, y), u.push(w);
				} finally {
					h = !0, f && (f(), f = null);
				}
			}
			b();
			try {
				for (;;) {
					for (; u.length > 0;) {
						let m = await u[0];
						if (m === dh) return;
						if (s.aborted) throw new _t();
						m !== Gi && (yield m), u.shift(), S();
					}
					await new lh((m) => {
						f = m;
					});
				}
			} finally {
				h = !0, d && (d(), d = null);
			}
		}.call(this);
	}
	function Dv(t = void 0) {
		return t != null && Sr(t, "options"), t?.signal != null && vr(t.signal, "options.signal"), async function* () {
			let r = 0;
			for await (let i of this) {
				var n;
				if (t != null && (n = t.signal) !== null && n !== void 0 && n.aborted) throw new _t({ cause: t.signal.reason });
				yield [r++, i];
			}
		}.call(this);
	}
	async function ph(t, e = void 0) {
		for await (let r of Ws.call(this, t, e)) return !0;
		return !1;
	}
	async function Uv(t, e = void 0) {
		if (typeof t != "function") throw new In("fn", ["Function", "AsyncFunction"], t);
		return !await ph.call(this, async (...r) => !await t(...r), e);
	}
	async function Fv(t, e) {
		for await (let r of Ws.call(this, t, e)) return r;
	}
	async function jv(t, e) {
		if (typeof t != "function") throw new In("fn", ["Function", "AsyncFunction"], t);
		async function r(n, i) {
			return await t(n, i), Gi;
		}
		for await (let n of Qi.call(this, r, e));
	}
	function Ws(t, e) {
		if (typeof t != "function") throw new In("fn", ["Function", "AsyncFunction"], t);
		async function r(n, i) {
			return await t(n, i) ? n : Gi;
		}
		return Qi.call(this, r, e);
	}
	var $s = class extends Sv {
		constructor() {
			super("reduce"), this.message = "Reduce of an empty stream requires an initial value";
		}
	};
	async function $v(t, e, r) {
		var n;
		if (typeof t != "function") throw new In("reducer", ["Function", "AsyncFunction"], t);
		r != null && Sr(r, "options"), r?.signal != null && vr(r.signal, "options.signal");
		let i = arguments.length > 1;
		if (r != null && (n = r.signal) !== null && n !== void 0 && n.aborted) {
			let f = new _t(void 0, { cause: r.signal.reason });
			throw this.once("error", () => {}), await xv(this.destroy(f)), f;
		}
		let s = new wv(), o = s.signal;
		if (r != null && r.signal) {
			let f = {
				once: !0,
				[Av]: this,
				[Iv]: !0
			};
			r.signal.addEventListener("abort", () => s.abort(), f);
		}
		let u = !1;
		try {
			for await (let f of this) {
				var c;
				if (u = !0, r != null && (c = r.signal) !== null && c !== void 0 && c.aborted) throw new _t();
				i ? e = await t(e, f, { signal: o }) : (e = f, i = !0);
			}
			if (!u && !i) throw new $s();
		} finally {
			s.abort();
		}
		return e;
	}
	async function Wv(t) {
		t != null && Sr(t, "options"), t?.signal != null && vr(t.signal, "options.signal");
		let e = [];
		for await (let n of this) {
			var r;
			if (t != null && (r = t.signal) !== null && r !== void 0 && r.aborted) throw new _t(void 0, { cause: t.signal.reason });
			Cv(e, n);
		}
		return e;
	}
	function Vv(t, e) {
		let r = Qi.call(this, t, e);
		return async function* () {
			for await (let i of r) yield* i;
		}.call(this);
	}
	function gh(t) {
		if (t = Bv(t), Nv(t)) return 0;
		if (t < 0) throw new Ev("number", ">= 0", t);
		return t;
	}
	function Hv(t, e = void 0) {
		return e != null && Sr(e, "options"), e?.signal != null && vr(e.signal, "options.signal"), t = gh(t), async function* () {
			var n;
			if (e != null && (n = e.signal) !== null && n !== void 0 && n.aborted) throw new _t();
			for await (let s of this) {
				var i;
				if (e != null && (i = e.signal) !== null && i !== void 0 && i.aborted) throw new _t();
				t-- <= 0 && (yield s);
			}
		}.call(this);
	}
	function zv(t, e = void 0) {
		return e != null && Sr(e, "options"), e?.signal != null && vr(e.signal, "options.signal"), t = gh(t), async function* () {
			var n;
			if (e != null && (n = e.signal) !== null && n !== void 0 && n.aborted) throw new _t();
			for await (let s of this) {
				var i;
				if (e != null && (i = e.signal) !== null && i !== void 0 && i.aborted) throw new _t();
				if (t-- > 0 && (yield s), t <= 0) return;
			}
		}.call(this);
	}
	Vs.exports.streamReturningOperators = {
		asIndexedPairs: kv(Dv, "readable.asIndexedPairs will be removed in a future version."),
		drop: Hv,
		filter: Ws,
		flatMap: Vv,
		map: Qi,
		take: zv,
		compose: qv
	};
	Vs.exports.promiseReturningOperators = {
		every: Uv,
		forEach: jv,
		reduce: $v,
		toArray: Wv,
		some: ph,
		find: Fv
	};
});
var Hs = H((gk, bh) => {
	"use strict";
	x();
	P();
	T();
	var { ArrayPrototypePop: Gv, Promise: Qv } = Ee(), { isIterable: Kv, isNodeStream: Yv, isWebStream: Jv } = gt(), { pipelineImpl: Xv } = Vi(), { finished: Zv } = Pt();
	zs();
	function e0(...t) {
		return new Qv((e, r) => {
			let n, i, s = t[t.length - 1];
			if (s && typeof s == "object" && !Yv(s) && !Kv(s) && !Jv(s)) {
				let o = Gv(t);
				n = o.signal, i = o.end;
			}
			Xv(t, (o, u) => {
				o ? r(o) : e(u);
			}, {
				signal: n,
				end: i
			});
		});
	}
	bh.exports = {
		finished: Zv,
		pipeline: e0
	};
});
var zs = H((Ik, xh) => {
	"use strict";
	x();
	P();
	T();
	var { Buffer: t0 } = (ke(), _e(Le)), { ObjectDefineProperty: kt, ObjectKeys: wh, ReflectApply: vh } = Ee(), { promisify: { custom: Sh } } = We(), { streamReturningOperators: mh, promiseReturningOperators: _h } = yh(), { codes: { ERR_ILLEGAL_CONSTRUCTOR: Eh } } = Ue(), r0 = js(), { setDefaultHighWaterMark: n0, getDefaultHighWaterMark: i0 } = yn(), { pipeline: Ah } = Vi(), { destroyer: o0 } = gr(), Ih = Pt(), Gs = Hs(), xn = gt(), Se = xh.exports = Ti().Stream;
	Se.isDestroyed = xn.isDestroyed;
	Se.isDisturbed = xn.isDisturbed;
	Se.isErrored = xn.isErrored;
	Se.isReadable = xn.isReadable;
	Se.isWritable = xn.isWritable;
	Se.Readable = _n();
	for (let t of wh(mh)) {
		let r = function(...n) {
			if (new.target) throw Eh();
			return Se.Readable.from(vh(e, this, n));
		}, e = mh[t];
		kt(r, "name", {
			__proto__: null,
			value: e.name
		}), kt(r, "length", {
			__proto__: null,
			value: e.length
		}), kt(Se.Readable.prototype, t, {
			__proto__: null,
			value: r,
			enumerable: !1,
			configurable: !0,
			writable: !0
		});
	}
	for (let t of wh(_h)) {
		let r = function(...n) {
			if (new.target) throw Eh();
			return vh(e, this, n);
		}, e = _h[t];
		kt(r, "name", {
			__proto__: null,
			value: e.name
		}), kt(r, "length", {
			__proto__: null,
			value: e.length
		}), kt(Se.Readable.prototype, t, {
			__proto__: null,
			value: r,
			enumerable: !1,
			configurable: !0,
			writable: !0
		});
	}
	Se.Writable = Fi();
	Se.Duplex = mt();
	Se.Transform = Ps();
	Se.PassThrough = Rs();
	Se.pipeline = Ah;
	var { addAbortSignal: s0 } = gn();
	Se.addAbortSignal = s0;
	Se.finished = Ih;
	Se.destroy = o0;
	Se.compose = r0;
	Se.setDefaultHighWaterMark = n0;
	Se.getDefaultHighWaterMark = i0;
	kt(Se, "promises", {
		__proto__: null,
		configurable: !0,
		enumerable: !0,
		get() {
			return Gs;
		}
	});
	kt(Ah, Sh, {
		__proto__: null,
		enumerable: !0,
		get() {
			return Gs.pipeline;
		}
	});
	kt(Ih, Sh, {
		__proto__: null,
		enumerable: !0,
		get() {
			return Gs.finished;
		}
	});
	Se.Stream = Se;
	Se._isUint8Array = function(e) {
		return e instanceof Uint8Array;
	};
	Se._uint8ArrayToBuffer = function(e) {
		return t0.from(e.buffer, e.byteOffset, e.byteLength);
	};
});
var Yt = H((Nk, Pe) => {
	"use strict";
	x();
	P();
	T();
	var Me = zs(), a0 = Hs(), u0 = Me.Readable.destroy;
	Pe.exports = Me.Readable;
	Pe.exports._uint8ArrayToBuffer = Me._uint8ArrayToBuffer;
	Pe.exports._isUint8Array = Me._isUint8Array;
	Pe.exports.isDisturbed = Me.isDisturbed;
	Pe.exports.isErrored = Me.isErrored;
	Pe.exports.isReadable = Me.isReadable;
	Pe.exports.Readable = Me.Readable;
	Pe.exports.Writable = Me.Writable;
	Pe.exports.Duplex = Me.Duplex;
	Pe.exports.Transform = Me.Transform;
	Pe.exports.PassThrough = Me.PassThrough;
	Pe.exports.addAbortSignal = Me.addAbortSignal;
	Pe.exports.finished = Me.finished;
	Pe.exports.destroy = Me.destroy;
	Pe.exports.destroy = u0;
	Pe.exports.pipeline = Me.pipeline;
	Pe.exports.compose = Me.compose;
	Object.defineProperty(Me, "promises", {
		configurable: !0,
		enumerable: !0,
		get() {
			return a0;
		}
	});
	Pe.exports.Stream = Me.Stream;
	Pe.exports.default = Pe.exports;
});
var Th = H((Hk, Qs) => {
	x();
	P();
	T();
	typeof Object.create == "function" ? Qs.exports = function(e, r) {
		r && (e.super_ = r, e.prototype = Object.create(r.prototype, { constructor: {
			value: e,
			enumerable: !1,
			writable: !0,
			configurable: !0
		} }));
	} : Qs.exports = function(e, r) {
		if (r) {
			e.super_ = r;
			var n = function() {};
			n.prototype = r.prototype, e.prototype = new n(), e.prototype.constructor = e;
		}
	};
});
var Rh = H((tC, Oh) => {
	"use strict";
	x();
	P();
	T();
	var { Buffer: lt } = (ke(), _e(Le)), Ph = Symbol.for("BufferList");
	function me(t) {
		if (!(this instanceof me)) return new me(t);
		me._init.call(this, t);
	}
	me._init = function(e) {
		Object.defineProperty(this, Ph, { value: !0 }), this._bufs = [], this.length = 0, e && this.append(e);
	};
	me.prototype._new = function(e) {
		return new me(e);
	};
	me.prototype._offset = function(e) {
		if (e === 0) return [0, 0];
		let r = 0;
		for (let n = 0; n < this._bufs.length; n++) {
			let i = r + this._bufs[n].length;
			if (e < i || n === this._bufs.length - 1) return [n, e - r];
			r = i;
		}
	};
	me.prototype._reverseOffset = function(t) {
		let e = t[0], r = t[1];
		for (let n = 0; n < e; n++) r += this._bufs[n].length;
		return r;
	};
	me.prototype.getBuffers = function() {
		return this._bufs;
	};
	me.prototype.get = function(e) {
		if (e > this.length || e < 0) return;
		let r = this._offset(e);
		return this._bufs[r[0]][r[1]];
	};
	me.prototype.slice = function(e, r) {
		return typeof e == "number" && e < 0 && (e += this.length), typeof r == "number" && r < 0 && (r += this.length), this.copy(null, 0, e, r);
	};
	me.prototype.copy = function(e, r, n, i) {
		if ((typeof n != "number" || n < 0) && (n = 0), (typeof i != "number" || i > this.length) && (i = this.length), n >= this.length || i <= 0) return e || lt.alloc(0);
		let s = !!e, o = this._offset(n), u = i - n, c = u, f = s && r || 0, d = o[1];
		if (n === 0 && i === this.length) {
			if (!s) return this._bufs.length === 1 ? this._bufs[0] : lt.concat(this._bufs, this.length);
			for (let h = 0; h < this._bufs.length; h++) this._bufs[h].copy(e, f), f += this._bufs[h].length;
			return e;
		}
		if (c <= this._bufs[o[0]].length - d) return s ? this._bufs[o[0]].copy(e, r, d, d + c) : this._bufs[o[0]].slice(d, d + c);
		s || (e = lt.allocUnsafe(u));
		for (let h = o[0]; h < this._bufs.length; h++) {
			let _ = this._bufs[h].length - d;
			if (c > _) this._bufs[h].copy(e, f, d), f += _;
			else {
				this._bufs[h].copy(e, f, d, d + c), f += _;
				break;
			}
			c -= _, d && (d = 0);
		}
		return e.length > f ? e.slice(0, f) : e;
	};
	me.prototype.shallowSlice = function(e, r) {
		if (e = e || 0, r = typeof r != "number" ? this.length : r, e < 0 && (e += this.length), r < 0 && (r += this.length), e === r) return this._new();
		let n = this._offset(e), i = this._offset(r), s = this._bufs.slice(n[0], i[0] + 1);
		return i[1] === 0 ? s.pop() : s[s.length - 1] = s[s.length - 1].slice(0, i[1]), n[1] !== 0 && (s[0] = s[0].slice(n[1])), this._new(s);
	};
	me.prototype.toString = function(e, r, n) {
		return this.slice(r, n).toString(e);
	};
	me.prototype.consume = function(e) {
		if (e = Math.trunc(e), Number.isNaN(e) || e <= 0) return this;
		for (; this._bufs.length;) if (e >= this._bufs[0].length) e -= this._bufs[0].length, this.length -= this._bufs[0].length, this._bufs.shift();
		else {
			this._bufs[0] = this._bufs[0].slice(e), this.length -= e;
			break;
		}
		return this;
	};
	me.prototype.duplicate = function() {
		let e = this._new();
		for (let r = 0; r < this._bufs.length; r++) e.append(this._bufs[r]);
		return e;
	};
	me.prototype.append = function(e) {
		return this._attach(e, me.prototype._appendBuffer);
	};
	me.prototype.prepend = function(e) {
		return this._attach(e, me.prototype._prependBuffer, !0);
	};
	me.prototype._attach = function(e, r, n) {
		if (e == null) return this;
		if (e.buffer) r.call(this, lt.from(e.buffer, e.byteOffset, e.byteLength));
		else if (Array.isArray(e)) {
			let [i, s] = n ? [e.length - 1, -1] : [0, 1];
			for (let o = i; o >= 0 && o < e.length; o += s) this._attach(e[o], r, n);
		} else if (this._isBufferList(e)) {
			let [i, s] = n ? [e._bufs.length - 1, -1] : [0, 1];
			for (let o = i; o >= 0 && o < e._bufs.length; o += s) this._attach(e._bufs[o], r, n);
		} else typeof e == "number" && (e = e.toString()), r.call(this, lt.from(e));
		return this;
	};
	me.prototype._appendBuffer = function(e) {
		this._bufs.push(e), this.length += e.length;
	};
	me.prototype._prependBuffer = function(e) {
		this._bufs.unshift(e), this.length += e.length;
	};
	me.prototype.indexOf = function(t, e, r) {
		if (r === void 0 && typeof e == "string" && (r = e, e = void 0), typeof t == "function" || Array.isArray(t)) throw new TypeError("The \"value\" argument must be one of type string, Buffer, BufferList, or Uint8Array.");
		if (typeof t == "number" ? t = lt.from([t]) : typeof t == "string" ? t = lt.from(t, r) : this._isBufferList(t) ? t = t.slice() : Array.isArray(t.buffer) ? t = lt.from(t.buffer, t.byteOffset, t.byteLength) : lt.isBuffer(t) || (t = lt.from(t)), e = Number(e || 0), isNaN(e) && (e = 0), e < 0 && (e = this.length + e), e < 0 && (e = 0), t.length === 0) return e > this.length ? this.length : e;
		let n = this._offset(e), i = n[0], s = n[1];
		for (; i < this._bufs.length; i++) {
			let o = this._bufs[i];
			for (; s < o.length;) if (o.length - s >= t.length) {
				let c = o.indexOf(t, s);
				if (c !== -1) return this._reverseOffset([i, c]);
				s = o.length - t.length + 1;
			} else {
				let c = this._reverseOffset([i, s]);
				if (this._match(c, t)) return c;
				s++;
			}
			s = 0;
		}
		return -1;
	};
	me.prototype._match = function(t, e) {
		if (this.length - t < e.length) return !1;
		for (let r = 0; r < e.length; r++) if (this.get(t + r) !== e[r]) return !1;
		return !0;
	};
	(function() {
		let t = {
			readDoubleBE: 8,
			readDoubleLE: 8,
			readFloatBE: 4,
			readFloatLE: 4,
			readBigInt64BE: 8,
			readBigInt64LE: 8,
			readBigUInt64BE: 8,
			readBigUInt64LE: 8,
			readInt32BE: 4,
			readInt32LE: 4,
			readUInt32BE: 4,
			readUInt32LE: 4,
			readInt16BE: 2,
			readInt16LE: 2,
			readUInt16BE: 2,
			readUInt16LE: 2,
			readInt8: 1,
			readUInt8: 1,
			readIntBE: null,
			readIntLE: null,
			readUIntBE: null,
			readUIntLE: null
		};
		for (let e in t) (function(r) {
			t[r] === null ? me.prototype[r] = function(n, i) {
				return this.slice(n, n + i)[r](0, i);
			} : me.prototype[r] = function(n = 0) {
				return this.slice(n, n + t[r])[r](0);
			};
		})(e);
	})();
	me.prototype._isBufferList = function(e) {
		return e instanceof me || me.isBufferList(e);
	};
	me.isBufferList = function(e) {
		return e != null && e[Ph];
	};
	Oh.exports = me;
});
var kh = H((fC, Ki) => {
	"use strict";
	x();
	P();
	T();
	var Ks = Yt().Duplex, l0 = Th(), Tn = Rh();
	function je(t) {
		if (!(this instanceof je)) return new je(t);
		if (typeof t == "function") {
			this._callback = t;
			let e = function(n) {
				this._callback && (this._callback(n), this._callback = null);
			}.bind(this);
			this.on("pipe", function(n) {
				n.on("error", e);
			}), this.on("unpipe", function(n) {
				n.removeListener("error", e);
			}), t = null;
		}
		Tn._init.call(this, t), Ks.call(this);
	}
	l0(je, Ks);
	Object.assign(je.prototype, Tn.prototype);
	je.prototype._new = function(e) {
		return new je(e);
	};
	je.prototype._write = function(e, r, n) {
		this._appendBuffer(e), typeof n == "function" && n();
	};
	je.prototype._read = function(e) {
		if (!this.length) return this.push(null);
		e = Math.min(e, this.length), this.push(this.slice(0, e)), this.consume(e);
	};
	je.prototype.end = function(e) {
		Ks.prototype.end.call(this, e), this._callback && (this._callback(null, this.slice()), this._callback = null);
	};
	je.prototype._destroy = function(e, r) {
		this._bufs.length = 0, this.length = 0, r(e);
	};
	je.prototype._isBufferList = function(e) {
		return e instanceof je || e instanceof Tn || je.isBufferList(e);
	};
	je.isBufferList = Tn.isBufferList;
	Ki.exports = je;
	Ki.exports.BufferListStream = je;
	Ki.exports.BufferList = Tn;
});
var Mh = H((vC, Ch) => {
	x();
	P();
	T();
	var Ys = class {
		constructor() {
			this.cmd = null, this.retain = !1, this.qos = 0, this.dup = !1, this.length = -1, this.topic = null, this.payload = null;
		}
	};
	Ch.exports = Ys;
});
var Js = H((kC, Bh) => {
	x();
	P();
	T();
	var Q = Bh.exports, { Buffer: Ge } = (ke(), _e(Le));
	Q.types = {
		0: "reserved",
		1: "connect",
		2: "connack",
		3: "publish",
		4: "puback",
		5: "pubrec",
		6: "pubrel",
		7: "pubcomp",
		8: "subscribe",
		9: "suback",
		10: "unsubscribe",
		11: "unsuback",
		12: "pingreq",
		13: "pingresp",
		14: "disconnect",
		15: "auth"
	};
	Q.requiredHeaderFlags = {
		1: 0,
		2: 0,
		4: 0,
		5: 0,
		6: 2,
		7: 0,
		8: 2,
		9: 0,
		10: 2,
		11: 0,
		12: 0,
		13: 0,
		14: 0,
		15: 0
	};
	Q.requiredHeaderFlagsErrors = {};
	for (let t in Q.requiredHeaderFlags) {
		let e = Q.requiredHeaderFlags[t];
		Q.requiredHeaderFlagsErrors[t] = "Invalid header flag bits, must be 0x" + e.toString(16) + " for " + Q.types[t] + " packet";
	}
	Q.codes = {};
	for (let t in Q.types) {
		let e = Q.types[t];
		Q.codes[e] = t;
	}
	Q.CMD_SHIFT = 4;
	Q.CMD_MASK = 240;
	Q.DUP_MASK = 8;
	Q.QOS_MASK = 3;
	Q.QOS_SHIFT = 1;
	Q.RETAIN_MASK = 1;
	Q.VARBYTEINT_MASK = 127;
	Q.VARBYTEINT_FIN_MASK = 128;
	Q.VARBYTEINT_MAX = 268435455;
	Q.SESSIONPRESENT_MASK = 1;
	Q.SESSIONPRESENT_HEADER = Ge.from([Q.SESSIONPRESENT_MASK]);
	Q.CONNACK_HEADER = Ge.from([Q.codes.connack << Q.CMD_SHIFT]);
	Q.USERNAME_MASK = 128;
	Q.PASSWORD_MASK = 64;
	Q.WILL_RETAIN_MASK = 32;
	Q.WILL_QOS_MASK = 24;
	Q.WILL_QOS_SHIFT = 3;
	Q.WILL_FLAG_MASK = 4;
	Q.CLEAN_SESSION_MASK = 2;
	Q.CONNECT_HEADER = Ge.from([Q.codes.connect << Q.CMD_SHIFT]);
	Q.properties = {
		sessionExpiryInterval: 17,
		willDelayInterval: 24,
		receiveMaximum: 33,
		maximumPacketSize: 39,
		topicAliasMaximum: 34,
		requestResponseInformation: 25,
		requestProblemInformation: 23,
		userProperties: 38,
		authenticationMethod: 21,
		authenticationData: 22,
		payloadFormatIndicator: 1,
		messageExpiryInterval: 2,
		contentType: 3,
		responseTopic: 8,
		correlationData: 9,
		maximumQoS: 36,
		retainAvailable: 37,
		assignedClientIdentifier: 18,
		reasonString: 31,
		wildcardSubscriptionAvailable: 40,
		subscriptionIdentifiersAvailable: 41,
		sharedSubscriptionAvailable: 42,
		serverKeepAlive: 19,
		responseInformation: 26,
		serverReference: 28,
		topicAlias: 35,
		subscriptionIdentifier: 11
	};
	Q.propertiesCodes = {};
	for (let t in Q.properties) {
		let e = Q.properties[t];
		Q.propertiesCodes[e] = t;
	}
	Q.propertiesTypes = {
		sessionExpiryInterval: "int32",
		willDelayInterval: "int32",
		receiveMaximum: "int16",
		maximumPacketSize: "int32",
		topicAliasMaximum: "int16",
		requestResponseInformation: "byte",
		requestProblemInformation: "byte",
		userProperties: "pair",
		authenticationMethod: "string",
		authenticationData: "binary",
		payloadFormatIndicator: "byte",
		messageExpiryInterval: "int32",
		contentType: "string",
		responseTopic: "string",
		correlationData: "binary",
		maximumQoS: "int8",
		retainAvailable: "byte",
		assignedClientIdentifier: "string",
		reasonString: "string",
		wildcardSubscriptionAvailable: "byte",
		subscriptionIdentifiersAvailable: "byte",
		sharedSubscriptionAvailable: "byte",
		serverKeepAlive: "int16",
		responseInformation: "string",
		serverReference: "string",
		topicAlias: "int16",
		subscriptionIdentifier: "var"
	};
	function Jt(t) {
		return [
			0,
			1,
			2
		].map((e) => [0, 1].map((r) => [0, 1].map((n) => {
			let i = Ge.alloc(1);
			return i.writeUInt8(Q.codes[t] << Q.CMD_SHIFT | (r ? Q.DUP_MASK : 0) | e << Q.QOS_SHIFT | n, 0, !0), i;
		})));
	}
	Q.PUBLISH_HEADER = Jt("publish");
	Q.SUBSCRIBE_HEADER = Jt("subscribe");
	Q.SUBSCRIBE_OPTIONS_QOS_MASK = 3;
	Q.SUBSCRIBE_OPTIONS_NL_MASK = 1;
	Q.SUBSCRIBE_OPTIONS_NL_SHIFT = 2;
	Q.SUBSCRIBE_OPTIONS_RAP_MASK = 1;
	Q.SUBSCRIBE_OPTIONS_RAP_SHIFT = 3;
	Q.SUBSCRIBE_OPTIONS_RH_MASK = 3;
	Q.SUBSCRIBE_OPTIONS_RH_SHIFT = 4;
	Q.SUBSCRIBE_OPTIONS_RH = [
		0,
		16,
		32
	];
	Q.SUBSCRIBE_OPTIONS_NL = 4;
	Q.SUBSCRIBE_OPTIONS_RAP = 8;
	Q.SUBSCRIBE_OPTIONS_QOS = [
		0,
		1,
		2
	];
	Q.UNSUBSCRIBE_HEADER = Jt("unsubscribe");
	Q.ACKS = {
		unsuback: Jt("unsuback"),
		puback: Jt("puback"),
		pubcomp: Jt("pubcomp"),
		pubrel: Jt("pubrel"),
		pubrec: Jt("pubrec")
	};
	Q.SUBACK_HEADER = Ge.from([Q.codes.suback << Q.CMD_SHIFT]);
	Q.VERSION3 = Ge.from([3]);
	Q.VERSION4 = Ge.from([4]);
	Q.VERSION5 = Ge.from([5]);
	Q.VERSION131 = Ge.from([131]);
	Q.VERSION132 = Ge.from([132]);
	Q.QOS = [
		0,
		1,
		2
	].map((t) => Ge.from([t]));
	Q.EMPTY = {
		pingreq: Ge.from([Q.codes.pingreq << 4, 0]),
		pingresp: Ge.from([Q.codes.pingresp << 4, 0]),
		disconnect: Ge.from([Q.codes.disconnect << 4, 0])
	};
	Q.MQTT5_PUBACK_PUBREC_CODES = {
		0: "Success",
		16: "No matching subscribers",
		128: "Unspecified error",
		131: "Implementation specific error",
		135: "Not authorized",
		144: "Topic Name invalid",
		145: "Packet identifier in use",
		151: "Quota exceeded",
		153: "Payload format invalid"
	};
	Q.MQTT5_PUBREL_PUBCOMP_CODES = {
		0: "Success",
		146: "Packet Identifier not found"
	};
	Q.MQTT5_SUBACK_CODES = {
		0: "Granted QoS 0",
		1: "Granted QoS 1",
		2: "Granted QoS 2",
		128: "Unspecified error",
		131: "Implementation specific error",
		135: "Not authorized",
		143: "Topic Filter invalid",
		145: "Packet Identifier in use",
		151: "Quota exceeded",
		158: "Shared Subscriptions not supported",
		161: "Subscription Identifiers not supported",
		162: "Wildcard Subscriptions not supported"
	};
	Q.MQTT5_UNSUBACK_CODES = {
		0: "Success",
		17: "No subscription existed",
		128: "Unspecified error",
		131: "Implementation specific error",
		135: "Not authorized",
		143: "Topic Filter invalid",
		145: "Packet Identifier in use"
	};
	Q.MQTT5_DISCONNECT_CODES = {
		0: "Normal disconnection",
		4: "Disconnect with Will Message",
		128: "Unspecified error",
		129: "Malformed Packet",
		130: "Protocol Error",
		131: "Implementation specific error",
		135: "Not authorized",
		137: "Server busy",
		139: "Server shutting down",
		141: "Keep Alive timeout",
		142: "Session taken over",
		143: "Topic Filter invalid",
		144: "Topic Name invalid",
		147: "Receive Maximum exceeded",
		148: "Topic Alias invalid",
		149: "Packet too large",
		150: "Message rate too high",
		151: "Quota exceeded",
		152: "Administrative action",
		153: "Payload format invalid",
		154: "Retain not supported",
		155: "QoS not supported",
		156: "Use another server",
		157: "Server moved",
		158: "Shared Subscriptions not supported",
		159: "Connection rate exceeded",
		160: "Maximum connect time",
		161: "Subscription Identifiers not supported",
		162: "Wildcard Subscriptions not supported"
	};
	Q.MQTT5_AUTH_CODES = {
		0: "Success",
		24: "Continue authentication",
		25: "Re-authenticate"
	};
});
var Lh = H((jC, Nh) => {
	x();
	P();
	T();
	var Kr = 1e3, Yr = Kr * 60, Jr = Yr * 60, Er = Jr * 24, c0 = Er * 7, f0 = Er * 365.25;
	Nh.exports = function(t, e) {
		e = e || {};
		var r = typeof t;
		if (r === "string" && t.length > 0) return d0(t);
		if (r === "number" && isFinite(t)) return e.long ? p0(t) : h0(t);
		throw new Error("val is not a non-empty string or a valid number. val=" + JSON.stringify(t));
	};
	function d0(t) {
		if (t = String(t), !(t.length > 100)) {
			var e = /^(-?(?:\d+)?\.?\d+) *(milliseconds?|msecs?|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w|years?|yrs?|y)?$/i.exec(t);
			if (e) {
				var r = parseFloat(e[1]);
				switch ((e[2] || "ms").toLowerCase()) {
					case "years":
					case "year":
					case "yrs":
					case "yr":
					case "y": return r * f0;
					case "weeks":
					case "week":
					case "w": return r * c0;
					case "days":
					case "day":
					case "d": return r * Er;
					case "hours":
					case "hour":
					case "hrs":
					case "hr":
					case "h": return r * Jr;
					case "minutes":
					case "minute":
					case "mins":
					case "min":
					case "m": return r * Yr;
					case "seconds":
					case "second":
					case "secs":
					case "sec":
					case "s": return r * Kr;
					case "milliseconds":
					case "millisecond":
					case "msecs":
					case "msec":
					case "ms": return r;
					default: return;
				}
			}
		}
	}
	function h0(t) {
		var e = Math.abs(t);
		return e >= Er ? Math.round(t / Er) + "d" : e >= Jr ? Math.round(t / Jr) + "h" : e >= Yr ? Math.round(t / Yr) + "m" : e >= Kr ? Math.round(t / Kr) + "s" : t + "ms";
	}
	function p0(t) {
		var e = Math.abs(t);
		return e >= Er ? Yi(t, e, Er, "day") : e >= Jr ? Yi(t, e, Jr, "hour") : e >= Yr ? Yi(t, e, Yr, "minute") : e >= Kr ? Yi(t, e, Kr, "second") : t + " ms";
	}
	function Yi(t, e, r, n) {
		var i = e >= r * 1.5;
		return Math.round(t / r) + " " + n + (i ? "s" : "");
	}
});
var Dh = H((JC, qh) => {
	x();
	P();
	T();
	function g0(t) {
		r.debug = r, r.default = r, r.coerce = c, r.disable = o, r.enable = i, r.enabled = u, r.humanize = Lh(), r.destroy = f, Object.keys(t).forEach((d) => {
			r[d] = t[d];
		}), r.names = [], r.skips = [], r.formatters = {};
		function e(d) {
			let h = 0;
			for (let _ = 0; _ < d.length; _++) h = (h << 5) - h + d.charCodeAt(_), h |= 0;
			return r.colors[Math.abs(h) % r.colors.length];
		}
		r.selectColor = e;
		function r(d) {
			let h, _ = null, y, I;
			function S(...b) {
				if (!S.enabled) return;
				let m = S, w = Number(/* @__PURE__ */ new Date());
				m.diff = w - (h || w), m.prev = h, m.curr = w, h = w, b[0] = r.coerce(b[0]), typeof b[0] != "string" && b.unshift("%O");
				let A = 0;
				b[0] = b[0].replace(/%([a-zA-Z%])/g, (O, v) => {
					if (O === "%%") return "%";
					A++;
					let B = r.formatters[v];
					if (typeof B == "function") {
						let D = b[A];
						O = B.call(m, D), b.splice(A, 1), A--;
					}
					return O;
				}), r.formatArgs.call(m, b), (m.log || r.log).apply(m, b);
			}
			return S.namespace = d, S.useColors = r.useColors(), S.color = r.selectColor(d), S.extend = n, S.destroy = r.destroy, Object.defineProperty(S, "enabled", {
				enumerable: !0,
				configurable: !1,
				get: () => _ !== null ? _ : (y !== r.namespaces && (y = r.namespaces, I = r.enabled(d)), I),
				set: (b) => {
					_ = b;
				}
			}), typeof r.init == "function" && r.init(S), S;
		}
		function n(d, h) {
			let _ = r(this.namespace + (typeof h > "u" ? ":" : h) + d);
			return _.log = this.log, _;
		}
		function i(d) {
			r.save(d), r.namespaces = d, r.names = [], r.skips = [];
			let h = (typeof d == "string" ? d : "").trim().replace(/\s+/g, ",").split(",").filter(Boolean);
			for (let _ of h) _[0] === "-" ? r.skips.push(_.slice(1)) : r.names.push(_);
		}
		function s(d, h) {
			let _ = 0, y = 0, I = -1, S = 0;
			for (; _ < d.length;) if (y < h.length && (h[y] === d[_] || h[y] === "*")) h[y] === "*" ? (I = y, S = _, y++) : (_++, y++);
			else if (I !== -1) y = I + 1, S++, _ = S;
			else return !1;
			for (; y < h.length && h[y] === "*";) y++;
			return y === h.length;
		}
		function o() {
			let d = [...r.names, ...r.skips.map((h) => "-" + h)].join(",");
			return r.enable(""), d;
		}
		function u(d) {
			for (let h of r.skips) if (s(d, h)) return !1;
			for (let h of r.names) if (s(d, h)) return !0;
			return !1;
		}
		function c(d) {
			return d instanceof Error ? d.stack || d.message : d;
		}
		function f() {
			console.warn("Instance method `debug.destroy()` is deprecated and no longer does anything. It will be removed in the next major version of `debug`.");
		}
		return r.enable(r.load()), r;
	}
	qh.exports = g0;
});
var Xt = H((Qe, Ji) => {
	x();
	P();
	T();
	Qe.formatArgs = b0;
	Qe.save = m0;
	Qe.load = _0;
	Qe.useColors = y0;
	Qe.storage = w0();
	Qe.destroy = (() => {
		let t = !1;
		return () => {
			t || (t = !0, console.warn("Instance method `debug.destroy()` is deprecated and no longer does anything. It will be removed in the next major version of `debug`."));
		};
	})();
	Qe.colors = [
		"#0000CC",
		"#0000FF",
		"#0033CC",
		"#0033FF",
		"#0066CC",
		"#0066FF",
		"#0099CC",
		"#0099FF",
		"#00CC00",
		"#00CC33",
		"#00CC66",
		"#00CC99",
		"#00CCCC",
		"#00CCFF",
		"#3300CC",
		"#3300FF",
		"#3333CC",
		"#3333FF",
		"#3366CC",
		"#3366FF",
		"#3399CC",
		"#3399FF",
		"#33CC00",
		"#33CC33",
		"#33CC66",
		"#33CC99",
		"#33CCCC",
		"#33CCFF",
		"#6600CC",
		"#6600FF",
		"#6633CC",
		"#6633FF",
		"#66CC00",
		"#66CC33",
		"#9900CC",
		"#9900FF",
		"#9933CC",
		"#9933FF",
		"#99CC00",
		"#99CC33",
		"#CC0000",
		"#CC0033",
		"#CC0066",
		"#CC0099",
		"#CC00CC",
		"#CC00FF",
		"#CC3300",
		"#CC3333",
		"#CC3366",
		"#CC3399",
		"#CC33CC",
		"#CC33FF",
		"#CC6600",
		"#CC6633",
		"#CC9900",
		"#CC9933",
		"#CCCC00",
		"#CCCC33",
		"#FF0000",
		"#FF0033",
		"#FF0066",
		"#FF0099",
		"#FF00CC",
		"#FF00FF",
		"#FF3300",
		"#FF3333",
		"#FF3366",
		"#FF3399",
		"#FF33CC",
		"#FF33FF",
		"#FF6600",
		"#FF6633",
		"#FF9900",
		"#FF9933",
		"#FFCC00",
		"#FFCC33"
	];
	function y0() {
		if (typeof window < "u" && window.process && (window.process.type === "renderer" || window.process.__nwjs)) return !0;
		if (typeof navigator < "u" && navigator.userAgent && navigator.userAgent.toLowerCase().match(/(edge|trident)\/(\d+)/)) return !1;
		let t;
		return typeof document < "u" && document.documentElement && document.documentElement.style && document.documentElement.style.WebkitAppearance || typeof window < "u" && window.console && (window.console.firebug || window.console.exception && window.console.table) || typeof navigator < "u" && navigator.userAgent && (t = navigator.userAgent.toLowerCase().match(/firefox\/(\d+)/)) && parseInt(t[1], 10) >= 31 || typeof navigator < "u" && navigator.userAgent && navigator.userAgent.toLowerCase().match(/applewebkit\/(\d+)/);
	}
	function b0(t) {
		if (t[0] = (this.useColors ? "%c" : "") + this.namespace + (this.useColors ? " %c" : " ") + t[0] + (this.useColors ? "%c " : " ") + "+" + Ji.exports.humanize(this.diff), !this.useColors) return;
		let e = "color: " + this.color;
		t.splice(1, 0, e, "color: inherit");
		let r = 0, n = 0;
		t[0].replace(/%[a-zA-Z%]/g, (i) => {
			i !== "%%" && (r++, i === "%c" && (n = r));
		}), t.splice(n, 0, e);
	}
	Qe.log = console.debug || console.log || (() => {});
	function m0(t) {
		try {
			t ? Qe.storage.setItem("debug", t) : Qe.storage.removeItem("debug");
		} catch {}
	}
	function _0() {
		let t;
		try {
			t = Qe.storage.getItem("debug") || Qe.storage.getItem("DEBUG");
		} catch {}
		return !t && typeof q < "u" && "env" in q && (t = q.env.DEBUG), t;
	}
	function w0() {
		try {
			return localStorage;
		} catch {}
	}
	Ji.exports = Dh()(Qe);
	var { formatters: v0 } = Ji.exports;
	v0.j = function(t) {
		try {
			return JSON.stringify(t);
		} catch (e) {
			return "[UnexpectedJSONParseError]: " + e.message;
		}
	};
});
var jh = H((yM, Fh) => {
	x();
	P();
	T();
	var S0 = kh(), { EventEmitter: E0 } = (Ht(), _e(Vt)), Uh = Mh(), pe = Js(), ae = Xt()("mqtt-packet:parser");
	Fh.exports = class t extends E0 {
		constructor() {
			super(), this.parser = this.constructor.parser;
		}
		static parser(e) {
			return this instanceof t ? (this.settings = e || {}, this._states = [
				"_parseHeader",
				"_parseLength",
				"_parsePayload",
				"_newPacket"
			], this._resetState(), this) : new t().parser(e);
		}
		_resetState() {
			ae("_resetState: resetting packet, error, _list, and _stateCounter"), this.packet = new Uh(), this.error = null, this._list = S0(), this._stateCounter = 0;
		}
		parse(e) {
			for (this.error && this._resetState(), this._list.append(e), ae("parse: current state: %s", this._states[this._stateCounter]); (this.packet.length !== -1 || this._list.length > 0) && this[this._states[this._stateCounter]]() && !this.error;) this._stateCounter++, ae("parse: state complete. _stateCounter is now: %d", this._stateCounter), ae("parse: packet.length: %d, buffer list length: %d", this.packet.length, this._list.length), this._stateCounter >= this._states.length && (this._stateCounter = 0);
			return ae("parse: exited while loop. packet: %d, buffer list length: %d", this.packet.length, this._list.length), this._list.length;
		}
		_parseHeader() {
			let e = this._list.readUInt8(0), r = e >> pe.CMD_SHIFT;
			this.packet.cmd = pe.types[r];
			let n = e & 15, i = pe.requiredHeaderFlags[r];
			return i != null && n !== i ? this._emitError(new Error(pe.requiredHeaderFlagsErrors[r])) : (this.packet.retain = (e & pe.RETAIN_MASK) !== 0, this.packet.qos = e >> pe.QOS_SHIFT & pe.QOS_MASK, this.packet.qos > 2 ? this._emitError(/* @__PURE__ */ new Error("Packet must not have both QoS bits set to 1")) : (this.packet.dup = (e & pe.DUP_MASK) !== 0, ae("_parseHeader: packet: %o", this.packet), this._list.consume(1), !0));
		}
		_parseLength() {
			let e = this._parseVarByteNum(!0);
			return e && (this.packet.length = e.value, this._list.consume(e.bytes)), ae("_parseLength %d", e.value), !!e;
		}
		_parsePayload() {
			ae("_parsePayload: payload %O", this._list);
			let e = !1;
			if (this.packet.length === 0 || this._list.length >= this.packet.length) {
				switch (this._pos = 0, this.packet.cmd) {
					case "connect":
						this._parseConnect();
						break;
					case "connack":
						this._parseConnack();
						break;
					case "publish":
						this._parsePublish();
						break;
					case "puback":
					case "pubrec":
					case "pubrel":
					case "pubcomp":
						this._parseConfirmation();
						break;
					case "subscribe":
						this._parseSubscribe();
						break;
					case "suback":
						this._parseSuback();
						break;
					case "unsubscribe":
						this._parseUnsubscribe();
						break;
					case "unsuback":
						this._parseUnsuback();
						break;
					case "pingreq":
					case "pingresp": break;
					case "disconnect":
						this._parseDisconnect();
						break;
					case "auth":
						this._parseAuth();
						break;
					default: this._emitError(/* @__PURE__ */ new Error("Not supported"));
				}
				e = !0;
			}
			return ae("_parsePayload complete result: %s", e), e;
		}
		_parseConnect() {
			ae("_parseConnect");
			let e, r, n, i, s = {}, o = this.packet, u = this._parseString();
			if (u === null) return this._emitError(/* @__PURE__ */ new Error("Cannot parse protocolId"));
			if (u !== "MQTT" && u !== "MQIsdp") return this._emitError(/* @__PURE__ */ new Error("Invalid protocolId"));
			if (o.protocolId = u, this._pos >= this._list.length) return this._emitError(/* @__PURE__ */ new Error("Packet too short"));
			if (o.protocolVersion = this._list.readUInt8(this._pos), o.protocolVersion >= 128 && (o.bridgeMode = !0, o.protocolVersion = o.protocolVersion - 128), o.protocolVersion !== 3 && o.protocolVersion !== 4 && o.protocolVersion !== 5) return this._emitError(/* @__PURE__ */ new Error("Invalid protocol version"));
			if (this._pos++, this._pos >= this._list.length) return this._emitError(/* @__PURE__ */ new Error("Packet too short"));
			if (this._list.readUInt8(this._pos) & 1) return this._emitError(/* @__PURE__ */ new Error("Connect flag bit 0 must be 0, but got 1"));
			s.username = this._list.readUInt8(this._pos) & pe.USERNAME_MASK, s.password = this._list.readUInt8(this._pos) & pe.PASSWORD_MASK, s.will = this._list.readUInt8(this._pos) & pe.WILL_FLAG_MASK;
			let c = !!(this._list.readUInt8(this._pos) & pe.WILL_RETAIN_MASK), f = (this._list.readUInt8(this._pos) & pe.WILL_QOS_MASK) >> pe.WILL_QOS_SHIFT;
			if (s.will) o.will = {}, o.will.retain = c, o.will.qos = f;
			else {
				if (c) return this._emitError(/* @__PURE__ */ new Error("Will Retain Flag must be set to zero when Will Flag is set to 0"));
				if (f) return this._emitError(/* @__PURE__ */ new Error("Will QoS must be set to zero when Will Flag is set to 0"));
			}
			if (o.clean = (this._list.readUInt8(this._pos) & pe.CLEAN_SESSION_MASK) !== 0, this._pos++, o.keepalive = this._parseNum(), o.keepalive === -1) return this._emitError(/* @__PURE__ */ new Error("Packet too short"));
			if (o.protocolVersion === 5) {
				let h = this._parseProperties();
				Object.getOwnPropertyNames(h).length && (o.properties = h);
			}
			let d = this._parseString();
			if (d === null) return this._emitError(/* @__PURE__ */ new Error("Packet too short"));
			if (o.clientId = d, ae("_parseConnect: packet.clientId: %s", o.clientId), s.will) {
				if (o.protocolVersion === 5) {
					let h = this._parseProperties();
					Object.getOwnPropertyNames(h).length && (o.will.properties = h);
				}
				if (e = this._parseString(), e === null) return this._emitError(/* @__PURE__ */ new Error("Cannot parse will topic"));
				if (o.will.topic = e, ae("_parseConnect: packet.will.topic: %s", o.will.topic), r = this._parseBuffer(), r === null) return this._emitError(/* @__PURE__ */ new Error("Cannot parse will payload"));
				o.will.payload = r, ae("_parseConnect: packet.will.paylaod: %s", o.will.payload);
			}
			if (s.username) {
				if (i = this._parseString(), i === null) return this._emitError(/* @__PURE__ */ new Error("Cannot parse username"));
				o.username = i, ae("_parseConnect: packet.username: %s", o.username);
			}
			if (s.password) {
				if (n = this._parseBuffer(), n === null) return this._emitError(/* @__PURE__ */ new Error("Cannot parse password"));
				o.password = n;
			}
			return this.settings = o, ae("_parseConnect: complete"), o;
		}
		_parseConnack() {
			ae("_parseConnack");
			let e = this.packet;
			if (this._list.length < 1) return null;
			let r = this._list.readUInt8(this._pos++);
			if (r > 1) return this._emitError(/* @__PURE__ */ new Error("Invalid connack flags, bits 7-1 must be set to 0"));
			if (e.sessionPresent = !!(r & pe.SESSIONPRESENT_MASK), this.settings.protocolVersion === 5) this._list.length >= 2 ? e.reasonCode = this._list.readUInt8(this._pos++) : e.reasonCode = 0;
			else {
				if (this._list.length < 2) return null;
				e.returnCode = this._list.readUInt8(this._pos++);
			}
			if (e.returnCode === -1 || e.reasonCode === -1) return this._emitError(/* @__PURE__ */ new Error("Cannot parse return code"));
			if (this.settings.protocolVersion === 5) {
				let n = this._parseProperties();
				Object.getOwnPropertyNames(n).length && (e.properties = n);
			}
			ae("_parseConnack: complete");
		}
		_parsePublish() {
			ae("_parsePublish");
			let e = this.packet;
			if (e.topic = this._parseString(), e.topic === null) return this._emitError(/* @__PURE__ */ new Error("Cannot parse topic"));
			if (!(e.qos > 0 && !this._parseMessageId())) {
				if (this.settings.protocolVersion === 5) {
					let r = this._parseProperties();
					Object.getOwnPropertyNames(r).length && (e.properties = r);
				}
				e.payload = this._list.slice(this._pos, e.length), ae("_parsePublish: payload from buffer list: %o", e.payload);
			}
		}
		_parseSubscribe() {
			ae("_parseSubscribe");
			let e = this.packet, r, n, i, s, o, u, c;
			if (e.subscriptions = [], !!this._parseMessageId()) {
				if (this.settings.protocolVersion === 5) {
					let f = this._parseProperties();
					Object.getOwnPropertyNames(f).length && (e.properties = f);
				}
				if (e.length <= 0) return this._emitError(/* @__PURE__ */ new Error("Malformed subscribe, no payload specified"));
				for (; this._pos < e.length;) {
					if (r = this._parseString(), r === null) return this._emitError(/* @__PURE__ */ new Error("Cannot parse topic"));
					if (this._pos >= e.length) return this._emitError(/* @__PURE__ */ new Error("Malformed Subscribe Payload"));
					if (n = this._parseByte(), this.settings.protocolVersion === 5) {
						if (n & 192) return this._emitError(/* @__PURE__ */ new Error("Invalid subscribe topic flag bits, bits 7-6 must be 0"));
					} else if (n & 252) return this._emitError(/* @__PURE__ */ new Error("Invalid subscribe topic flag bits, bits 7-2 must be 0"));
					if (i = n & pe.SUBSCRIBE_OPTIONS_QOS_MASK, i > 2) return this._emitError(/* @__PURE__ */ new Error("Invalid subscribe QoS, must be <= 2"));
					if (u = (n >> pe.SUBSCRIBE_OPTIONS_NL_SHIFT & pe.SUBSCRIBE_OPTIONS_NL_MASK) !== 0, o = (n >> pe.SUBSCRIBE_OPTIONS_RAP_SHIFT & pe.SUBSCRIBE_OPTIONS_RAP_MASK) !== 0, s = n >> pe.SUBSCRIBE_OPTIONS_RH_SHIFT & pe.SUBSCRIBE_OPTIONS_RH_MASK, s > 2) return this._emitError(/* @__PURE__ */ new Error("Invalid retain handling, must be <= 2"));
					c = {
						topic: r,
						qos: i
					}, this.settings.protocolVersion === 5 ? (c.nl = u, c.rap = o, c.rh = s) : this.settings.bridgeMode && (c.rh = 0, c.rap = !0, c.nl = !0), ae("_parseSubscribe: push subscription `%s` to subscription", c), e.subscriptions.push(c);
				}
			}
		}
		_parseSuback() {
			ae("_parseSuback");
			let e = this.packet;
			if (this.packet.granted = [], !!this._parseMessageId()) {
				if (this.settings.protocolVersion === 5) {
					let r = this._parseProperties();
					Object.getOwnPropertyNames(r).length && (e.properties = r);
				}
				if (e.length <= 0) return this._emitError(/* @__PURE__ */ new Error("Malformed suback, no payload specified"));
				for (; this._pos < this.packet.length;) {
					let r = this._list.readUInt8(this._pos++);
					if (this.settings.protocolVersion === 5) {
						if (!pe.MQTT5_SUBACK_CODES[r]) return this._emitError(/* @__PURE__ */ new Error("Invalid suback code"));
					} else if (r > 2 && r !== 128) return this._emitError(/* @__PURE__ */ new Error("Invalid suback QoS, must be 0, 1, 2 or 128"));
					this.packet.granted.push(r);
				}
			}
		}
		_parseUnsubscribe() {
			ae("_parseUnsubscribe");
			let e = this.packet;
			if (e.unsubscriptions = [], !!this._parseMessageId()) {
				if (this.settings.protocolVersion === 5) {
					let r = this._parseProperties();
					Object.getOwnPropertyNames(r).length && (e.properties = r);
				}
				if (e.length <= 0) return this._emitError(/* @__PURE__ */ new Error("Malformed unsubscribe, no payload specified"));
				for (; this._pos < e.length;) {
					let r = this._parseString();
					if (r === null) return this._emitError(/* @__PURE__ */ new Error("Cannot parse topic"));
					ae("_parseUnsubscribe: push topic `%s` to unsubscriptions", r), e.unsubscriptions.push(r);
				}
			}
		}
		_parseUnsuback() {
			ae("_parseUnsuback");
			let e = this.packet;
			if (!this._parseMessageId()) return this._emitError(/* @__PURE__ */ new Error("Cannot parse messageId"));
			if ((this.settings.protocolVersion === 3 || this.settings.protocolVersion === 4) && e.length !== 2) return this._emitError(/* @__PURE__ */ new Error("Malformed unsuback, payload length must be 2"));
			if (e.length <= 0) return this._emitError(/* @__PURE__ */ new Error("Malformed unsuback, no payload specified"));
			if (this.settings.protocolVersion === 5) {
				let r = this._parseProperties();
				for (Object.getOwnPropertyNames(r).length && (e.properties = r), e.granted = []; this._pos < this.packet.length;) {
					let n = this._list.readUInt8(this._pos++);
					if (!pe.MQTT5_UNSUBACK_CODES[n]) return this._emitError(/* @__PURE__ */ new Error("Invalid unsuback code"));
					this.packet.granted.push(n);
				}
			}
		}
		_parseConfirmation() {
			ae("_parseConfirmation: packet.cmd: `%s`", this.packet.cmd);
			let e = this.packet;
			if (this._parseMessageId(), this.settings.protocolVersion === 5) {
				if (e.length > 2) {
					switch (e.reasonCode = this._parseByte(), this.packet.cmd) {
						case "puback":
						case "pubrec":
							if (!pe.MQTT5_PUBACK_PUBREC_CODES[e.reasonCode]) return this._emitError(/* @__PURE__ */ new Error("Invalid " + this.packet.cmd + " reason code"));
							break;
						case "pubrel":
						case "pubcomp": if (!pe.MQTT5_PUBREL_PUBCOMP_CODES[e.reasonCode]) return this._emitError(/* @__PURE__ */ new Error("Invalid " + this.packet.cmd + " reason code"));
					}
					ae("_parseConfirmation: packet.reasonCode `%d`", e.reasonCode);
				} else e.reasonCode = 0;
				if (e.length > 3) {
					let r = this._parseProperties();
					Object.getOwnPropertyNames(r).length && (e.properties = r);
				}
			}
			return !0;
		}
		_parseDisconnect() {
			let e = this.packet;
			if (ae("_parseDisconnect"), this.settings.protocolVersion === 5) {
				this._list.length > 0 ? (e.reasonCode = this._parseByte(), pe.MQTT5_DISCONNECT_CODES[e.reasonCode] || this._emitError(/* @__PURE__ */ new Error("Invalid disconnect reason code"))) : e.reasonCode = 0;
				let r = this._parseProperties();
				Object.getOwnPropertyNames(r).length && (e.properties = r);
			}
			return ae("_parseDisconnect result: true"), !0;
		}
		_parseAuth() {
			ae("_parseAuth");
			let e = this.packet;
			if (this.settings.protocolVersion !== 5) return this._emitError(/* @__PURE__ */ new Error("Not supported auth packet for this version MQTT"));
			if (e.reasonCode = this._parseByte(), !pe.MQTT5_AUTH_CODES[e.reasonCode]) return this._emitError(/* @__PURE__ */ new Error("Invalid auth reason code"));
			let r = this._parseProperties();
			return Object.getOwnPropertyNames(r).length && (e.properties = r), ae("_parseAuth: result: true"), !0;
		}
		_parseMessageId() {
			let e = this.packet;
			return e.messageId = this._parseNum(), e.messageId === null ? (this._emitError(/* @__PURE__ */ new Error("Cannot parse messageId")), !1) : (ae("_parseMessageId: packet.messageId %d", e.messageId), !0);
		}
		_parseString(e) {
			let r = this._parseNum(), n = r + this._pos;
			if (r === -1 || n > this._list.length || n > this.packet.length) return null;
			let i = this._list.toString("utf8", this._pos, n);
			return this._pos += r, ae("_parseString: result: %s", i), i;
		}
		_parseStringPair() {
			return ae("_parseStringPair"), {
				name: this._parseString(),
				value: this._parseString()
			};
		}
		_parseBuffer() {
			let e = this._parseNum(), r = e + this._pos;
			if (e === -1 || r > this._list.length || r > this.packet.length) return null;
			let n = this._list.slice(this._pos, r);
			return this._pos += e, ae("_parseBuffer: result: %o", n), n;
		}
		_parseNum() {
			if (this._list.length - this._pos < 2) return -1;
			let e = this._list.readUInt16BE(this._pos);
			return this._pos += 2, ae("_parseNum: result: %s", e), e;
		}
		_parse4ByteNum() {
			if (this._list.length - this._pos < 4) return -1;
			let e = this._list.readUInt32BE(this._pos);
			return this._pos += 4, ae("_parse4ByteNum: result: %s", e), e;
		}
		_parseVarByteNum(e) {
			ae("_parseVarByteNum");
			let r = 4, n = 0, i = 1, s = 0, o = !1, u, c = this._pos ? this._pos : 0;
			for (; n < r && c + n < this._list.length;) {
				if (u = this._list.readUInt8(c + n++), s += i * (u & pe.VARBYTEINT_MASK), i *= 128, (u & pe.VARBYTEINT_FIN_MASK) === 0) {
					o = !0;
					break;
				}
				if (this._list.length <= n) break;
			}
			return !o && n === r && this._list.length >= n && this._emitError(/* @__PURE__ */ new Error("Invalid variable byte integer")), c && (this._pos += n), o ? e ? o = {
				bytes: n,
				value: s
			} : o = s : o = !1, ae("_parseVarByteNum: result: %o", o), o;
		}
		_parseByte() {
			let e;
			return this._pos < this._list.length && (e = this._list.readUInt8(this._pos), this._pos++), ae("_parseByte: result: %o", e), e;
		}
		_parseByType(e) {
			switch (ae("_parseByType: type: %s", e), e) {
				case "byte": return this._parseByte() !== 0;
				case "int8": return this._parseByte();
				case "int16": return this._parseNum();
				case "int32": return this._parse4ByteNum();
				case "var": return this._parseVarByteNum();
				case "string": return this._parseString();
				case "pair": return this._parseStringPair();
				case "binary": return this._parseBuffer();
			}
		}
		_parseProperties() {
			ae("_parseProperties");
			let e = this._parseVarByteNum(), n = this._pos + e, i = {};
			for (; this._pos < n;) {
				let s = this._parseByte();
				if (!s) return this._emitError(/* @__PURE__ */ new Error("Cannot parse property code type")), !1;
				let o = pe.propertiesCodes[s];
				if (!o) return this._emitError(/* @__PURE__ */ new Error("Unknown property")), !1;
				if (o === "userProperties") {
					i[o] || (i[o] = Object.create(null));
					let u = this._parseByType(pe.propertiesTypes[o]);
					if (i[o][u.name]) if (Array.isArray(i[o][u.name])) i[o][u.name].push(u.value);
					else {
						let c = i[o][u.name];
						i[o][u.name] = [c], i[o][u.name].push(u.value);
					}
					else i[o][u.name] = u.value;
					continue;
				}
				i[o] ? Array.isArray(i[o]) ? i[o].push(this._parseByType(pe.propertiesTypes[o])) : (i[o] = [i[o]], i[o].push(this._parseByType(pe.propertiesTypes[o]))) : i[o] = this._parseByType(pe.propertiesTypes[o]);
			}
			return i;
		}
		_newPacket() {
			return ae("_newPacket"), this.packet && (this._list.consume(this.packet.length), ae("_newPacket: parser emit packet: packet.cmd: %s, packet.payload: %s, packet.length: %d", this.packet.cmd, this.packet.payload, this.packet.length), this.emit("packet", this.packet)), ae("_newPacket: new packet"), this.packet = new Uh(), this._pos = 0, !0;
		}
		_emitError(e) {
			ae("_emitError", e), this.error = e, this.emit("error", e);
		}
	};
});
var Hh = H((xM, Vh) => {
	x();
	P();
	T();
	var { Buffer: Pn } = (ke(), _e(Le)), A0 = 65536, $h = {}, I0 = Pn.isBuffer(Pn.from([1, 2]).subarray(0, 1));
	function Wh(t) {
		let e = Pn.allocUnsafe(2);
		return e.writeUInt8(t >> 8, 0), e.writeUInt8(t & 255, 1), e;
	}
	function x0() {
		for (let t = 0; t < A0; t++) $h[t] = Wh(t);
	}
	function T0(t) {
		let r = 0, n = 0, i = Pn.allocUnsafe(4);
		do
			r = t % 128 | 0, t = t / 128 | 0, t > 0 && (r = r | 128), i.writeUInt8(r, n++);
		while (t > 0 && n < 4);
		return t > 0 && (n = 0), I0 ? i.subarray(0, n) : i.slice(0, n);
	}
	function P0(t) {
		let e = Pn.allocUnsafe(4);
		return e.writeUInt32BE(t, 0), e;
	}
	Vh.exports = {
		cache: $h,
		generateCache: x0,
		generateNumber: Wh,
		genBufVariableByteInt: T0,
		generate4ByteBuffer: P0
	};
});
var zh = H((LM, Zs) => {
	"use strict";
	x();
	P();
	T();
	typeof q > "u" || !q.version || q.version.indexOf("v0.") === 0 || q.version.indexOf("v1.") === 0 && q.version.indexOf("v1.8.") !== 0 ? Zs.exports = { nextTick: O0 } : Zs.exports = q;
	function O0(t, e, r, n) {
		if (typeof t != "function") throw new TypeError("\"callback\" argument must be a function");
		var i = arguments.length, s, o;
		switch (i) {
			case 0:
			case 1: return q.nextTick(t);
			case 2: return q.nextTick(function() {
				t.call(null, e);
			});
			case 3: return q.nextTick(function() {
				t.call(null, e, r);
			});
			case 4: return q.nextTick(function() {
				t.call(null, e, r, n);
			});
			default:
				for (s = new Array(i - 1), o = 0; o < s.length;) s[o++] = arguments[o];
				return q.nextTick(function() {
					t.apply(null, s);
				});
		}
	}
});
var ra = H((zM, ep) => {
	x();
	P();
	T();
	var ue = Js(), { Buffer: se } = (ke(), _e(Le)), R0 = se.allocUnsafe(0), k0 = se.from([0]), On = Hh(), C0 = zh().nextTick, tt = Xt()("mqtt-packet:writeToStream"), Xi = On.cache, M0 = On.generateNumber, B0 = On.generateCache, ea = On.genBufVariableByteInt, N0 = On.generate4ByteBuffer, Ve = ta, Zi = !0;
	function Xh(t, e, r) {
		switch (tt("generate called"), e.cork && (e.cork(), C0(L0, e)), Zi && (Zi = !1, B0()), tt("generate: packet.cmd: %s", t.cmd), t.cmd) {
			case "connect": return q0(t, e, r);
			case "connack": return D0(t, e, r);
			case "publish": return U0(t, e, r);
			case "puback":
			case "pubrec":
			case "pubrel":
			case "pubcomp": return F0(t, e, r);
			case "subscribe": return j0(t, e, r);
			case "suback": return $0(t, e, r);
			case "unsubscribe": return W0(t, e, r);
			case "unsuback": return V0(t, e, r);
			case "pingreq":
			case "pingresp": return H0(t, e, r);
			case "disconnect": return z0(t, e, r);
			case "auth": return G0(t, e, r);
			default: return e.destroy(/* @__PURE__ */ new Error("Unknown command")), !1;
		}
	}
	Object.defineProperty(Xh, "cacheNumbers", {
		get() {
			return Ve === ta;
		},
		set(t) {
			t ? ((!Xi || Object.keys(Xi).length === 0) && (Zi = !0), Ve = ta) : (Zi = !1, Ve = Q0);
		}
	});
	function L0(t) {
		t.uncork();
	}
	function q0(t, e, r) {
		let n = t || {}, i = n.protocolId || "MQTT", s = n.protocolVersion || 4, o = n.will, u = n.clean, c = n.keepalive || 0, f = n.clientId || "", d = n.username, h = n.password, _ = n.properties;
		u === void 0 && (u = !0);
		let y = 0;
		if (!i || typeof i != "string" && !se.isBuffer(i)) return e.destroy(/* @__PURE__ */ new Error("Invalid protocolId")), !1;
		if (y += i.length + 2, s !== 3 && s !== 4 && s !== 5) return e.destroy(/* @__PURE__ */ new Error("Invalid protocol version")), !1;
		if (y += 1, (typeof f == "string" || se.isBuffer(f)) && (f || s >= 4) && (f || u)) y += se.byteLength(f) + 2;
		else {
			if (s < 4) return e.destroy(/* @__PURE__ */ new Error("clientId must be supplied before 3.1.1")), !1;
			if (u * 1 === 0) return e.destroy(/* @__PURE__ */ new Error("clientId must be given if cleanSession set to 0")), !1;
		}
		if (typeof c != "number" || c < 0 || c > 65535 || c % 1 !== 0) return e.destroy(/* @__PURE__ */ new Error("Invalid keepalive")), !1;
		y += 2, y += 1;
		let I, S;
		if (s === 5) {
			if (I = Zt(e, _), !I) return !1;
			y += I.length;
		}
		if (o) {
			if (typeof o != "object") return e.destroy(/* @__PURE__ */ new Error("Invalid will")), !1;
			if (!o.topic || typeof o.topic != "string") return e.destroy(/* @__PURE__ */ new Error("Invalid will topic")), !1;
			if (y += se.byteLength(o.topic) + 2, y += 2, o.payload) if (o.payload.length >= 0) typeof o.payload == "string" ? y += se.byteLength(o.payload) : y += o.payload.length;
			else return e.destroy(/* @__PURE__ */ new Error("Invalid will payload")), !1;
			if (S = {}, s === 5) {
				if (S = Zt(e, o.properties), !S) return !1;
				y += S.length;
			}
		}
		let b = !1;
		if (d != null) if (Jh(d)) b = !0, y += se.byteLength(d) + 2;
		else return e.destroy(/* @__PURE__ */ new Error("Invalid username")), !1;
		if (h != null) {
			if (!b) return e.destroy(/* @__PURE__ */ new Error("Username is required to use password")), !1;
			if (Jh(h)) y += Zh(h) + 2;
			else return e.destroy(/* @__PURE__ */ new Error("Invalid password")), !1;
		}
		e.write(ue.CONNECT_HEADER), rt(e, y), Xr(e, i), n.bridgeMode && (s += 128), e.write(s === 131 ? ue.VERSION131 : s === 132 ? ue.VERSION132 : s === 4 ? ue.VERSION4 : s === 5 ? ue.VERSION5 : ue.VERSION3);
		let m = 0;
		return m |= d != null ? ue.USERNAME_MASK : 0, m |= h != null ? ue.PASSWORD_MASK : 0, m |= o && o.retain ? ue.WILL_RETAIN_MASK : 0, m |= o && o.qos ? o.qos << ue.WILL_QOS_SHIFT : 0, m |= o ? ue.WILL_FLAG_MASK : 0, m |= u ? ue.CLEAN_SESSION_MASK : 0, e.write(se.from([m])), Ve(e, c), s === 5 && I.write(), Xr(e, f), o && (s === 5 && S.write(), Ar(e, o.topic), Xr(e, o.payload)), d != null && Xr(e, d), h != null && Xr(e, h), !0;
	}
	function D0(t, e, r) {
		let n = r ? r.protocolVersion : 4, i = t || {}, s = n === 5 ? i.reasonCode : i.returnCode, o = i.properties, u = 2;
		if (typeof s != "number") return e.destroy(/* @__PURE__ */ new Error("Invalid return code")), !1;
		let c = null;
		if (n === 5) {
			if (c = Zt(e, o), !c) return !1;
			u += c.length;
		}
		return e.write(ue.CONNACK_HEADER), rt(e, u), e.write(i.sessionPresent ? ue.SESSIONPRESENT_HEADER : k0), e.write(se.from([s])), c?.write(), !0;
	}
	function U0(t, e, r) {
		tt("publish: packet: %o", t);
		let n = r ? r.protocolVersion : 4, i = t || {}, s = i.qos || 0, o = i.retain ? ue.RETAIN_MASK : 0, u = i.topic, c = i.payload || R0, f = i.messageId, d = i.properties, h = 0;
		if (typeof u == "string") h += se.byteLength(u) + 2;
		else if (se.isBuffer(u)) h += u.length + 2;
		else return e.destroy(/* @__PURE__ */ new Error("Invalid topic")), !1;
		if (se.isBuffer(c) ? h += c.length : h += se.byteLength(c), s && typeof f != "number") return e.destroy(/* @__PURE__ */ new Error("Invalid messageId")), !1;
		s && (h += 2);
		let _ = null;
		if (n === 5) {
			if (_ = Zt(e, d), !_) return !1;
			h += _.length;
		}
		return e.write(ue.PUBLISH_HEADER[s][i.dup ? 1 : 0][o ? 1 : 0]), rt(e, h), Ve(e, Zh(u)), e.write(u), s > 0 && Ve(e, f), _?.write(), tt("publish: payload: %o", c), e.write(c);
	}
	function F0(t, e, r) {
		let n = r ? r.protocolVersion : 4, i = t || {}, s = i.cmd || "puback", o = i.messageId, u = i.dup && s === "pubrel" ? ue.DUP_MASK : 0, c = 0, f = i.reasonCode, d = i.properties, h = n === 5 ? 3 : 2;
		if (s === "pubrel" && (c = 1), typeof o != "number") return e.destroy(/* @__PURE__ */ new Error("Invalid messageId")), !1;
		let _ = null;
		if (n === 5 && typeof d == "object") {
			if (_ = Rn(e, d, r, h), !_) return !1;
			h += _.length;
		}
		return e.write(ue.ACKS[s][c][u][0]), h === 3 && (h += f !== 0 ? 1 : -1), rt(e, h), Ve(e, o), n === 5 && h !== 2 && e.write(se.from([f])), _ !== null ? _.write() : h === 4 && e.write(se.from([0])), !0;
	}
	function j0(t, e, r) {
		tt("subscribe: packet: ");
		let n = r ? r.protocolVersion : 4, i = t || {}, s = i.dup ? ue.DUP_MASK : 0, o = i.messageId, u = i.subscriptions, c = i.properties, f = 0;
		if (typeof o != "number") return e.destroy(/* @__PURE__ */ new Error("Invalid messageId")), !1;
		f += 2;
		let d = null;
		if (n === 5) {
			if (d = Zt(e, c), !d) return !1;
			f += d.length;
		}
		if (typeof u == "object" && u.length) for (let _ = 0; _ < u.length; _ += 1) {
			let y = u[_].topic, I = u[_].qos;
			if (typeof y != "string") return e.destroy(/* @__PURE__ */ new Error("Invalid subscriptions - invalid topic")), !1;
			if (typeof I != "number") return e.destroy(/* @__PURE__ */ new Error("Invalid subscriptions - invalid qos")), !1;
			if (n === 5) {
				if (typeof (u[_].nl || !1) != "boolean") return e.destroy(/* @__PURE__ */ new Error("Invalid subscriptions - invalid No Local")), !1;
				if (typeof (u[_].rap || !1) != "boolean") return e.destroy(/* @__PURE__ */ new Error("Invalid subscriptions - invalid Retain as Published")), !1;
				let m = u[_].rh || 0;
				if (typeof m != "number" || m > 2) return e.destroy(/* @__PURE__ */ new Error("Invalid subscriptions - invalid Retain Handling")), !1;
			}
			f += se.byteLength(y) + 2 + 1;
		}
		else return e.destroy(/* @__PURE__ */ new Error("Invalid subscriptions")), !1;
		tt("subscribe: writing to stream: %o", ue.SUBSCRIBE_HEADER), e.write(ue.SUBSCRIBE_HEADER[1][s ? 1 : 0][0]), rt(e, f), Ve(e, o), d !== null && d.write();
		let h = !0;
		for (let _ of u) {
			let y = _.topic, I = _.qos, S = +_.nl, b = +_.rap, m = _.rh, w;
			Ar(e, y), w = ue.SUBSCRIBE_OPTIONS_QOS[I], n === 5 && (w |= S ? ue.SUBSCRIBE_OPTIONS_NL : 0, w |= b ? ue.SUBSCRIBE_OPTIONS_RAP : 0, w |= m ? ue.SUBSCRIBE_OPTIONS_RH[m] : 0), h = e.write(se.from([w]));
		}
		return h;
	}
	function $0(t, e, r) {
		let n = r ? r.protocolVersion : 4, i = t || {}, s = i.messageId, o = i.granted, u = i.properties, c = 0;
		if (typeof s != "number") return e.destroy(/* @__PURE__ */ new Error("Invalid messageId")), !1;
		if (c += 2, typeof o == "object" && o.length) for (let d = 0; d < o.length; d += 1) {
			if (typeof o[d] != "number") return e.destroy(/* @__PURE__ */ new Error("Invalid qos vector")), !1;
			c += 1;
		}
		else return e.destroy(/* @__PURE__ */ new Error("Invalid qos vector")), !1;
		let f = null;
		if (n === 5) {
			if (f = Rn(e, u, r, c), !f) return !1;
			c += f.length;
		}
		return e.write(ue.SUBACK_HEADER), rt(e, c), Ve(e, s), f !== null && f.write(), e.write(se.from(o));
	}
	function W0(t, e, r) {
		let n = r ? r.protocolVersion : 4, i = t || {}, s = i.messageId, o = i.dup ? ue.DUP_MASK : 0, u = i.unsubscriptions, c = i.properties, f = 0;
		if (typeof s != "number") return e.destroy(/* @__PURE__ */ new Error("Invalid messageId")), !1;
		if (f += 2, typeof u == "object" && u.length) for (let _ = 0; _ < u.length; _ += 1) {
			if (typeof u[_] != "string") return e.destroy(/* @__PURE__ */ new Error("Invalid unsubscriptions")), !1;
			f += se.byteLength(u[_]) + 2;
		}
		else return e.destroy(/* @__PURE__ */ new Error("Invalid unsubscriptions")), !1;
		let d = null;
		if (n === 5) {
			if (d = Zt(e, c), !d) return !1;
			f += d.length;
		}
		e.write(ue.UNSUBSCRIBE_HEADER[1][o ? 1 : 0][0]), rt(e, f), Ve(e, s), d !== null && d.write();
		let h = !0;
		for (let _ = 0; _ < u.length; _++) h = Ar(e, u[_]);
		return h;
	}
	function V0(t, e, r) {
		let n = r ? r.protocolVersion : 4, i = t || {}, s = i.messageId, o = i.dup ? ue.DUP_MASK : 0, u = i.granted, c = i.properties, f = i.cmd, d = 0, h = 2;
		if (typeof s != "number") return e.destroy(/* @__PURE__ */ new Error("Invalid messageId")), !1;
		if (n === 5) if (typeof u == "object" && u.length) for (let y = 0; y < u.length; y += 1) {
			if (typeof u[y] != "number") return e.destroy(/* @__PURE__ */ new Error("Invalid qos vector")), !1;
			h += 1;
		}
		else return e.destroy(/* @__PURE__ */ new Error("Invalid qos vector")), !1;
		let _ = null;
		if (n === 5) {
			if (_ = Rn(e, c, r, h), !_) return !1;
			h += _.length;
		}
		return e.write(ue.ACKS[f][d][o][0]), rt(e, h), Ve(e, s), _ !== null && _.write(), n === 5 && e.write(se.from(u)), !0;
	}
	function H0(t, e, r) {
		return e.write(ue.EMPTY[t.cmd]);
	}
	function z0(t, e, r) {
		let n = r ? r.protocolVersion : 4, i = t || {}, s = i.reasonCode, o = i.properties, u = n === 5 ? 1 : 0, c = null;
		if (n === 5) {
			if (c = Rn(e, o, r, u), !c) return !1;
			u += c.length;
		}
		return e.write(se.from([ue.codes.disconnect << 4])), rt(e, u), n === 5 && e.write(se.from([s])), c !== null && c.write(), !0;
	}
	function G0(t, e, r) {
		let n = r ? r.protocolVersion : 4, i = t || {}, s = i.reasonCode, o = i.properties, u = n === 5 ? 1 : 0;
		n !== 5 && e.destroy(/* @__PURE__ */ new Error("Invalid mqtt version for auth packet"));
		let c = Rn(e, o, r, u);
		return c ? (u += c.length, e.write(se.from([ue.codes.auth << 4])), rt(e, u), e.write(se.from([s])), c !== null && c.write(), !0) : !1;
	}
	var Gh = {};
	function rt(t, e) {
		if (e > ue.VARBYTEINT_MAX) return t.destroy(/* @__PURE__ */ new Error(`Invalid variable byte integer: ${e}`)), !1;
		let r = Gh[e];
		return r || (r = ea(e), e < 16384 && (Gh[e] = r)), tt("writeVarByteInt: writing to stream: %o", r), t.write(r);
	}
	function Ar(t, e) {
		let r = se.byteLength(e);
		return Ve(t, r), tt("writeString: %s", e), t.write(e, "utf8");
	}
	function Qh(t, e, r) {
		Ar(t, e), Ar(t, r);
	}
	function ta(t, e) {
		return tt("writeNumberCached: number: %d", e), tt("writeNumberCached: %o", Xi[e]), t.write(Xi[e]);
	}
	function Q0(t, e) {
		let r = M0(e);
		return tt("writeNumberGenerated: %o", r), t.write(r);
	}
	function K0(t, e) {
		let r = N0(e);
		return tt("write4ByteNumber: %o", r), t.write(r);
	}
	function Xr(t, e) {
		typeof e == "string" ? Ar(t, e) : e ? (Ve(t, e.length), t.write(e)) : Ve(t, 0);
	}
	function Zt(t, e) {
		if (typeof e != "object" || e.length != null) return {
			length: 1,
			write() {
				Yh(t, {}, 0);
			}
		};
		let r = 0;
		function n(s, o) {
			let u = ue.propertiesTypes[s], c = 0;
			switch (u) {
				case "byte":
					if (typeof o != "boolean") return t.destroy(/* @__PURE__ */ new Error(`Invalid ${s}: ${o}`)), !1;
					c += 2;
					break;
				case "int8":
					if (typeof o != "number" || o < 0 || o > 255) return t.destroy(/* @__PURE__ */ new Error(`Invalid ${s}: ${o}`)), !1;
					c += 2;
					break;
				case "binary":
					if (o && o === null) return t.destroy(/* @__PURE__ */ new Error(`Invalid ${s}: ${o}`)), !1;
					c += 1 + se.byteLength(o) + 2;
					break;
				case "int16":
					if (typeof o != "number" || o < 0 || o > 65535) return t.destroy(/* @__PURE__ */ new Error(`Invalid ${s}: ${o}`)), !1;
					c += 3;
					break;
				case "int32":
					if (typeof o != "number" || o < 0 || o > 4294967295) return t.destroy(/* @__PURE__ */ new Error(`Invalid ${s}: ${o}`)), !1;
					c += 5;
					break;
				case "var":
					if (typeof o != "number" || o < 0 || o > 268435455) return t.destroy(/* @__PURE__ */ new Error(`Invalid ${s}: ${o}`)), !1;
					c += 1 + se.byteLength(ea(o));
					break;
				case "string":
					if (typeof o != "string") return t.destroy(/* @__PURE__ */ new Error(`Invalid ${s}: ${o}`)), !1;
					c += 3 + se.byteLength(o.toString());
					break;
				case "pair":
					if (typeof o != "object") return t.destroy(/* @__PURE__ */ new Error(`Invalid ${s}: ${o}`)), !1;
					c += Object.getOwnPropertyNames(o).reduce((f, d) => {
						let h = o[d];
						return Array.isArray(h) ? f += h.reduce((_, y) => (_ += 3 + se.byteLength(d.toString()) + 2 + se.byteLength(y.toString()), _), 0) : f += 3 + se.byteLength(d.toString()) + 2 + se.byteLength(o[d].toString()), f;
					}, 0);
					break;
				default: return t.destroy(/* @__PURE__ */ new Error(`Invalid property ${s}: ${o}`)), !1;
			}
			return c;
		}
		if (e) for (let s in e) {
			let o = 0, u = 0, c = e[s];
			if (c !== void 0) {
				if (Array.isArray(c)) for (let f = 0; f < c.length; f++) {
					if (u = n(s, c[f]), !u) return !1;
					o += u;
				}
				else {
					if (u = n(s, c), !u) return !1;
					o = u;
				}
				if (!o) return !1;
				r += o;
			}
		}
		return {
			length: se.byteLength(ea(r)) + r,
			write() {
				Yh(t, e, r);
			}
		};
	}
	function Rn(t, e, r, n) {
		let i = ["reasonString", "userProperties"], s = r && r.properties && r.properties.maximumPacketSize ? r.properties.maximumPacketSize : 0, o = Zt(t, e);
		if (s) for (; n + o.length > s;) {
			let u = i.shift();
			if (u && e[u]) delete e[u], o = Zt(t, e);
			else return !1;
		}
		return o;
	}
	function Kh(t, e, r) {
		switch (ue.propertiesTypes[e]) {
			case "byte":
				t.write(se.from([ue.properties[e]])), t.write(se.from([+r]));
				break;
			case "int8":
				t.write(se.from([ue.properties[e]])), t.write(se.from([r]));
				break;
			case "binary":
				t.write(se.from([ue.properties[e]])), Xr(t, r);
				break;
			case "int16":
				t.write(se.from([ue.properties[e]])), Ve(t, r);
				break;
			case "int32":
				t.write(se.from([ue.properties[e]])), K0(t, r);
				break;
			case "var":
				t.write(se.from([ue.properties[e]])), rt(t, r);
				break;
			case "string":
				t.write(se.from([ue.properties[e]])), Ar(t, r);
				break;
			case "pair":
				Object.getOwnPropertyNames(r).forEach((i) => {
					let s = r[i];
					Array.isArray(s) ? s.forEach((o) => {
						t.write(se.from([ue.properties[e]])), Qh(t, i.toString(), o.toString());
					}) : (t.write(se.from([ue.properties[e]])), Qh(t, i.toString(), s.toString()));
				});
				break;
			default: return t.destroy(/* @__PURE__ */ new Error(`Invalid property ${e} value: ${r}`)), !1;
		}
	}
	function Yh(t, e, r) {
		rt(t, r);
		for (let n in e) if (Object.prototype.hasOwnProperty.call(e, n) && e[n] != null) {
			let i = e[n];
			if (Array.isArray(i)) for (let s = 0; s < i.length; s++) Kh(t, n, i[s]);
			else Kh(t, n, i);
		}
	}
	function Zh(t) {
		return t ? t instanceof se ? t.length : se.byteLength(t) : 0;
	}
	function Jh(t) {
		return typeof t == "string" || t instanceof se;
	}
	ep.exports = Xh;
});
var np = H((r2, rp) => {
	x();
	P();
	T();
	var Y0 = ra(), { EventEmitter: J0 } = (Ht(), _e(Vt)), { Buffer: tp } = (ke(), _e(Le));
	function X0(t, e) {
		let r = new na();
		return Y0(t, r, e), r.concat();
	}
	var na = class extends J0 {
		constructor() {
			super(), this._array = new Array(20), this._i = 0;
		}
		write(e) {
			return this._array[this._i++] = e, !0;
		}
		concat() {
			let e = 0, r = new Array(this._array.length), n = this._array, i = 0, s = 0;
			for (; s < n.length && n[s] !== void 0; s++) typeof n[s] != "string" ? r[s] = n[s].length : r[s] = tp.byteLength(n[s]), e += r[s];
			let o = tp.allocUnsafe(e);
			for (s = 0; s < n.length && n[s] !== void 0; s++) typeof n[s] != "string" ? (n[s].copy(o, i), i += r[s]) : (o.write(n[s], i), i += r[s]);
			return o;
		}
		destroy(e) {
			e && this.emit("error", e);
		}
	};
	rp.exports = X0;
});
var ip = H((eo) => {
	x();
	P();
	T();
	eo.parser = jh().parser;
	eo.generate = np();
	eo.writeToStream = ra();
});
var sp = H((S2, op) => {
	"use strict";
	x();
	P();
	T();
	op.exports = Z0;
	function Zr(t) {
		return t instanceof V ? V.from(t) : new t.constructor(t.buffer.slice(), t.byteOffset, t.length);
	}
	function Z0(t) {
		if (t = t || {}, t.circles) return eS(t);
		let e = /* @__PURE__ */ new Map();
		if (e.set(Date, (o) => new Date(o)), e.set(Map, (o, u) => new Map(n(Array.from(o), u))), e.set(Set, (o, u) => new Set(n(Array.from(o), u))), t.constructorHandlers) for (let o of t.constructorHandlers) e.set(o[0], o[1]);
		let r = null;
		return t.proto ? s : i;
		function n(o, u) {
			let c = Object.keys(o), f = new Array(c.length);
			for (let d = 0; d < c.length; d++) {
				let h = c[d], _ = o[h];
				typeof _ != "object" || _ === null ? f[h] = _ : _.constructor !== Object && (r = e.get(_.constructor)) ? f[h] = r(_, u) : ArrayBuffer.isView(_) ? f[h] = Zr(_) : f[h] = u(_);
			}
			return f;
		}
		function i(o) {
			if (typeof o != "object" || o === null) return o;
			if (Array.isArray(o)) return n(o, i);
			if (o.constructor !== Object && (r = e.get(o.constructor))) return r(o, i);
			let u = {};
			for (let c in o) {
				if (Object.hasOwnProperty.call(o, c) === !1) continue;
				let f = o[c];
				typeof f != "object" || f === null ? u[c] = f : f.constructor !== Object && (r = e.get(f.constructor)) ? u[c] = r(f, i) : ArrayBuffer.isView(f) ? u[c] = Zr(f) : u[c] = i(f);
			}
			return u;
		}
		function s(o) {
			if (typeof o != "object" || o === null) return o;
			if (Array.isArray(o)) return n(o, s);
			if (o.constructor !== Object && (r = e.get(o.constructor))) return r(o, s);
			let u = {};
			for (let c in o) {
				let f = o[c];
				typeof f != "object" || f === null ? u[c] = f : f.constructor !== Object && (r = e.get(f.constructor)) ? u[c] = r(f, s) : ArrayBuffer.isView(f) ? u[c] = Zr(f) : u[c] = s(f);
			}
			return u;
		}
	}
	function eS(t) {
		let e = [], r = [], n = /* @__PURE__ */ new Map();
		if (n.set(Date, (c) => new Date(c)), n.set(Map, (c, f) => new Map(s(Array.from(c), f))), n.set(Set, (c, f) => new Set(s(Array.from(c), f))), t.constructorHandlers) for (let c of t.constructorHandlers) n.set(c[0], c[1]);
		let i = null;
		return t.proto ? u : o;
		function s(c, f) {
			let d = Object.keys(c), h = new Array(d.length);
			for (let _ = 0; _ < d.length; _++) {
				let y = d[_], I = c[y];
				if (typeof I != "object" || I === null) h[y] = I;
				else if (I.constructor !== Object && (i = n.get(I.constructor))) h[y] = i(I, f);
				else if (ArrayBuffer.isView(I)) h[y] = Zr(I);
				else {
					let S = e.indexOf(I);
					S !== -1 ? h[y] = r[S] : h[y] = f(I);
				}
			}
			return h;
		}
		function o(c) {
			if (typeof c != "object" || c === null) return c;
			if (Array.isArray(c)) return s(c, o);
			if (c.constructor !== Object && (i = n.get(c.constructor))) return i(c, o);
			let f = {};
			e.push(c), r.push(f);
			for (let d in c) {
				if (Object.hasOwnProperty.call(c, d) === !1) continue;
				let h = c[d];
				if (typeof h != "object" || h === null) f[d] = h;
				else if (h.constructor !== Object && (i = n.get(h.constructor))) f[d] = i(h, o);
				else if (ArrayBuffer.isView(h)) f[d] = Zr(h);
				else {
					let _ = e.indexOf(h);
					_ !== -1 ? f[d] = r[_] : f[d] = o(h);
				}
			}
			return e.pop(), r.pop(), f;
		}
		function u(c) {
			if (typeof c != "object" || c === null) return c;
			if (Array.isArray(c)) return s(c, u);
			if (c.constructor !== Object && (i = n.get(c.constructor))) return i(c, u);
			let f = {};
			e.push(c), r.push(f);
			for (let d in c) {
				let h = c[d];
				if (typeof h != "object" || h === null) f[d] = h;
				else if (h.constructor !== Object && (i = n.get(h.constructor))) f[d] = i(h, u);
				else if (ArrayBuffer.isView(h)) f[d] = Zr(h);
				else {
					let _ = e.indexOf(h);
					_ !== -1 ? f[d] = r[_] : f[d] = u(h);
				}
			}
			return e.pop(), r.pop(), f;
		}
	}
});
var up = H((C2, ap) => {
	"use strict";
	x();
	P();
	T();
	ap.exports = sp()();
});
var ia = H((to) => {
	"use strict";
	x();
	P();
	T();
	Object.defineProperty(to, "__esModule", { value: !0 });
	to.validateTopic = lp;
	to.validateTopics = tS;
	function lp(t) {
		let e = t.split("/");
		for (let r = 0; r < e.length; r++) if (e[r] !== "+") {
			if (e[r] === "#") return r === e.length - 1;
			if (e[r].indexOf("+") !== -1 || e[r].indexOf("#") !== -1) return !1;
		}
		return !0;
	}
	function tS(t) {
		if (t.length === 0) return "empty_topic_list";
		for (let e = 0; e < t.length; e++) if (!lp(t[e])) return t[e];
		return null;
	}
});
var aa = H((sa) => {
	"use strict";
	x();
	P();
	T();
	Object.defineProperty(sa, "__esModule", { value: !0 });
	var rS = Yt(), nS = { objectMode: !0 }, iS = { clean: !0 }, oa = class {
		options;
		_inflights;
		constructor(e) {
			this.options = e || {}, this.options = {
				...iS,
				...e
			}, this._inflights = /* @__PURE__ */ new Map();
		}
		put(e, r) {
			return this._inflights.set(e.messageId, e), r && r(), this;
		}
		createStream() {
			let e = new rS.Readable(nS), r = [], n = !1, i = 0;
			return this._inflights.forEach((s, o) => {
				r.push(s);
			}), e._read = () => {
				!n && i < r.length ? e.push(r[i++]) : e.push(null);
			}, e.destroy = (s) => {
				if (!n) return n = !0, setTimeout(() => {
					e.emit("close");
				}, 0), e;
			}, e;
		}
		del(e, r) {
			let n = this._inflights.get(e.messageId);
			return n ? (this._inflights.delete(e.messageId), r(null, n)) : r && r(/* @__PURE__ */ new Error("missing packet")), this;
		}
		get(e, r) {
			let n = this._inflights.get(e.messageId);
			return n ? r(null, n) : r && r(/* @__PURE__ */ new Error("missing packet")), this;
		}
		close(e) {
			this.options.clean && (this._inflights = null), e && e();
		}
	};
	sa.default = oa;
});
var cp = H((uB, oS) => {
	oS.exports = { version: "5.16.0" };
});
var Ct = H((ct) => {
	"use strict";
	x();
	P();
	T();
	Object.defineProperty(ct, "__esModule", { value: !0 });
	ct.MQTTJS_VERSION = ct.nextTick = ct.ErrorWithSubackPacket = ct.ErrorWithReasonCode = void 0;
	ct.applyMixin = sS;
	ct.ErrorWithReasonCode = class t extends Error {
		code;
		constructor(e, r) {
			super(e), this.code = r, Object.setPrototypeOf(this, t.prototype), Object.getPrototypeOf(this).name = "ErrorWithReasonCode";
		}
	};
	ct.ErrorWithSubackPacket = class t extends Error {
		packet;
		constructor(e, r) {
			super(e), this.packet = r, Object.setPrototypeOf(this, t.prototype), Object.getPrototypeOf(this).name = "ErrorWithSubackPacket";
		}
	};
	function sS(t, e, r = !1) {
		let n = [e];
		for (;;) {
			let i = n[0], s = Object.getPrototypeOf(i);
			if (s?.prototype) n.unshift(s);
			else break;
		}
		for (let i of n) for (let s of Object.getOwnPropertyNames(i.prototype)) (r || s !== "constructor") && Object.defineProperty(t.prototype, s, Object.getOwnPropertyDescriptor(i.prototype, s) ?? Object.create(null));
	}
	ct.nextTick = typeof q?.nextTick == "function" ? q.nextTick : (t) => {
		setTimeout(t, 0);
	};
	ct.MQTTJS_VERSION = cp().version;
});
var dp = H((ca) => {
	"use strict";
	x();
	P();
	T();
	Object.defineProperty(ca, "__esModule", { value: !0 });
	var aS = Ct(), fp = [
		0,
		16,
		128,
		131,
		135,
		144,
		145,
		151,
		153
	], uS = 148, lS = 130, ro = (t, e, r, n, i = uS) => {
		n?.discardParsedPackets(), (!n || n.isCurrent()) && t._cleanUp(!0), r(), t.emit("error", new aS.ErrorWithReasonCode(e, i));
	}, no = (t, e, r) => {
		r(), t.emit("error", e);
	}, cS = (t, e, r, n) => {
		t.log("handlePublish: packet %o", e), r = typeof r < "u" ? r : t.noop;
		let i = e.topic.toString(), s = e.payload, { qos: o } = e, { messageId: u } = e, { options: c } = t;
		if (t.options.protocolVersion === 5) {
			let f;
			if (e.properties && (f = e.properties.topicAlias), typeof f < "u") {
				let d = t.topicAliasRecv;
				if (!d) {
					t.log("handlePublish :: received unexpected topic alias. alias: %d", f), ro(t, "Received a PUBLISH Topic Alias but no Topic Alias Maximum was advertised", r, n);
					return;
				}
				if (i.length === 0) if (f > 0 && f <= 65535) {
					let h = d.getTopicByAlias(f);
					if (h) i = h, t.log("handlePublish :: topic complemented by alias. topic: %s - alias: %d", i, f);
					else {
						t.log("handlePublish :: unregistered topic alias. alias: %d", f), ro(t, "Received unregistered Topic Alias", r, n, lS);
						return;
					}
				} else {
					t.log("handlePublish :: topic alias out of range. alias: %d", f), ro(t, `Received Topic Alias ${f} is outside the valid range 1-65535`, r, n);
					return;
				}
				else if (d.put(i, f)) t.log("handlePublish :: registered topic: %s - alias: %d", i, f);
				else {
					t.log("handlePublish :: topic alias outside the advertised maximum. alias: %d - max: %d", f, d.max), ro(t, `Received Topic Alias ${f} is outside the advertised Topic Alias Maximum range 1-${d.max}`, r, n);
					return;
				}
			}
		}
		switch (t.log("handlePublish: qos %d", o), o) {
			case 2:
				c.customHandleAcks(i, s, e, (f, d) => {
					if (typeof f == "number" && (d = f, f = null), f) return no(t, f, r);
					if (fp.indexOf(d) === -1) return no(t, /* @__PURE__ */ new Error("Wrong reason code for pubrec"), r);
					if (d) t._sendPacket({
						cmd: "pubrec",
						messageId: u,
						reasonCode: d
					}, r);
					else {
						if (!t._trackIncomingQoS2Publish(u, r, n)) return;
						t.incomingStore.put(e, () => {
							t._sendPacket({
								cmd: "pubrec",
								messageId: u
							}, r);
						});
					}
				});
				break;
			case 1:
				c.customHandleAcks(i, s, e, (f, d) => {
					if (typeof f == "number" && (d = f, f = null), f) return no(t, f, r);
					if (fp.indexOf(d) === -1) return no(t, /* @__PURE__ */ new Error("Wrong reason code for puback"), r);
					d || t.emit("message", i, s, e), t.handleMessage(e, (h) => {
						if (h) return r && r(h);
						t._sendPacket({
							cmd: "puback",
							messageId: u,
							reasonCode: d
						}, r);
					});
				});
				break;
			case 0:
				t.emit("message", i, s, e), t.handleMessage(e, r);
				break;
			default: t.log("handlePublish: unknown QoS. Doing nothing.");
		}
	};
	ca.default = cS;
});
var hp = H((fa) => {
	"use strict";
	x();
	P();
	T();
	Object.defineProperty(fa, "__esModule", { value: !0 });
	var kn = Ct(), Cn = 130, en = (t, e, r) => {
		t.log("handleAuth :: %s", e.message), r?.discardParsedPackets(), (!r || r.isCurrent()) && t._cleanUp(!0), t.emit("error", e);
	}, fS = (t, e, r) => {
		let { options: n } = t, i = n.protocolVersion, s = i === 5 ? e.reasonCode : e.returnCode;
		if (i !== 5) {
			en(t, new kn.ErrorWithReasonCode(`Protocol error: Auth packets are only supported in MQTT 5. Your version:${i}`, Cn), r);
			return;
		}
		let o = t._authenticationMethod;
		if (!o) {
			en(t, new kn.ErrorWithReasonCode("Protocol error: Auth packet received but enhanced authentication was not requested", Cn), r);
			return;
		}
		if (e.properties?.authenticationMethod !== o) {
			en(t, new kn.ErrorWithReasonCode(`Protocol error: Auth packet Authentication Method does not match the "${o}" sent in CONNECT`, Cn), r);
			return;
		}
		t.handleAuth(e, (u, c) => {
			if (u) {
				en(t, u, r);
				return;
			}
			if (s === 0) {
				t.log("handleAuth :: authentication exchange completed successfully");
				return;
			}
			if (s === 24) {
				if (!c) {
					en(t, new kn.ErrorWithReasonCode("Protocol error: No auth packet to continue the authentication exchange", Cn), r);
					return;
				}
				t.reconnecting = !1, t._sendPacket(c);
				return;
			}
			en(t, new kn.ErrorWithReasonCode(`Protocol error: Auth packet reason code ${s} is not one a broker may send`, Cn), r);
		});
	};
	fa.default = fS;
});
var Mn = H((er) => {
	"use strict";
	x();
	P();
	T();
	Object.defineProperty(er, "__esModule", { value: !0 });
	er.ReasonCodes = void 0;
	var pp = Ct();
	er.ReasonCodes = {
		0: "",
		1: "Unacceptable protocol version",
		2: "Identifier rejected",
		3: "Server unavailable",
		4: "Bad username or password",
		5: "Not authorized",
		16: "No matching subscribers",
		17: "No subscription existed",
		128: "Unspecified error",
		129: "Malformed Packet",
		130: "Protocol Error",
		131: "Implementation specific error",
		132: "Unsupported Protocol Version",
		133: "Client Identifier not valid",
		134: "Bad User Name or Password",
		135: "Not authorized",
		136: "Server unavailable",
		137: "Server busy",
		138: "Banned",
		139: "Server shutting down",
		140: "Bad authentication method",
		141: "Keep Alive timeout",
		142: "Session taken over",
		143: "Topic Filter invalid",
		144: "Topic Name invalid",
		145: "Packet identifier in use",
		146: "Packet Identifier not found",
		147: "Receive Maximum exceeded",
		148: "Topic Alias invalid",
		149: "Packet too large",
		150: "Message rate too high",
		151: "Quota exceeded",
		152: "Administrative action",
		153: "Payload format invalid",
		154: "Retain not supported",
		155: "QoS not supported",
		156: "Use another server",
		157: "Server moved",
		158: "Shared Subscriptions not supported",
		159: "Connection rate exceeded",
		160: "Maximum connect time",
		161: "Subscription Identifiers not supported",
		162: "Wildcard Subscriptions not supported"
	};
	var dS = {
		publish: [
			"puback",
			"pubrec",
			"pubcomp"
		],
		pubrel: ["pubcomp"],
		subscribe: ["suback"],
		unsubscribe: ["unsuback"]
	}, hS = (t, e) => {
		let { messageId: r } = e, n = e.cmd, i = null, s = t.outgoing[r], o = s ? s.cb : null, u = null;
		if (!o) {
			t.log("_handleAck :: Server sent an ack in error. Ignoring.");
			return;
		}
		if (!dS[s.cmd]?.includes(n)) {
			t.log("_handleAck :: %s does not answer the pending %s on message id %d. Ignoring.", n, s.cmd, r), t.emit("error", /* @__PURE__ */ new Error(`Protocol error: ${n} does not answer the ${s.cmd} pending on message id ${r}`));
			return;
		}
		switch (t.log("_handleAck :: packet type", n), n) {
			case "pubcomp":
			case "puback": {
				let c = e.reasonCode;
				c && c > 0 && c !== 16 ? (u = new pp.ErrorWithReasonCode(`Publish error: ${er.ReasonCodes[c]}`, c), t._removeOutgoingAndStoreMessage(r, () => {
					o(u, e);
				})) : t._removeOutgoingAndStoreMessage(r, o);
				break;
			}
			case "pubrec": {
				i = {
					cmd: "pubrel",
					qos: 2,
					messageId: r
				};
				let c = e.reasonCode;
				c && c > 0 && c !== 16 ? (u = new pp.ErrorWithReasonCode(`Publish error: ${er.ReasonCodes[c]}`, c), t._removeOutgoingAndStoreMessage(r, () => {
					o(u, e);
				})) : t._sendPacket(i);
				break;
			}
			case "suback": {
				delete t.outgoing[r], t.messageIdProvider.deallocate(r);
				let c = e.granted;
				for (let f = 0; f < c.length; f++) {
					let d = c[f];
					if ((d & 128) !== 0) {
						u = /* @__PURE__ */ new Error(`Subscribe error: ${er.ReasonCodes[d]}`), u.code = d;
						let h = t.messageIdToTopic[r];
						h && h.forEach((_) => {
							delete t._resubscribeTopics[_];
						});
					}
				}
				delete t.messageIdToTopic[r], t._invokeStoreProcessingQueue(), o(u, e);
				break;
			}
			case "unsuback":
				delete t.outgoing[r], t.messageIdProvider.deallocate(r), t._invokeStoreProcessingQueue(), o(null, e);
				break;
			default: t.emit("error", /* @__PURE__ */ new Error("unrecognized packet type"));
		}
		t.disconnecting && Object.keys(t.outgoing).length === 0 && t.emit("outgoingEmpty");
	};
	er.default = hS;
});
var _p = H((oo) => {
	"use strict";
	x();
	P();
	T();
	Object.defineProperty(oo, "__esModule", { value: !0 });
	oo.LRUCache = void 0;
	var tn = typeof performance == "object" && performance && typeof performance.now == "function" ? performance : Date, yp = /* @__PURE__ */ new Set(), da = typeof q == "object" && q ? q : {}, bp = (t, e, r, n) => {
		typeof da.emitWarning == "function" ? da.emitWarning(t, e, r, n) : console.error(`[${r}] ${e}: ${t}`);
	}, io = globalThis.AbortController, gp = globalThis.AbortSignal;
	if (typeof io > "u") {
		gp = class {
			onabort;
			_onabort = [];
			reason;
			aborted = !1;
			addEventListener(n, i) {
				this._onabort.push(i);
			}
		}, io = class {
			constructor() {
				e();
			}
			signal = new gp();
			abort(n) {
				if (!this.signal.aborted) {
					this.signal.reason = n, this.signal.aborted = !0;
					for (let i of this.signal._onabort) i(n);
					this.signal.onabort?.(n);
				}
			}
		};
		let t = da.env?.LRU_CACHE_IGNORE_AC_WARNING !== "1", e = () => {
			t && (t = !1, bp("AbortController is not defined. If using lru-cache in node 14, load an AbortController polyfill from the `node-abort-controller` package. A minimal polyfill is provided for use by LRUCache.fetch(), but it should not be relied upon in other contexts (eg, passing it to other APIs that use AbortController/AbortSignal might have undesirable effects). You may disable this with LRU_CACHE_IGNORE_AC_WARNING=1 in the env.", "NO_ABORT_CONTROLLER", "ENOTSUP", e));
		};
	}
	var pS = (t) => !yp.has(t), tr = (t) => t && t === Math.floor(t) && t > 0 && isFinite(t), mp = (t) => tr(t) ? t <= Math.pow(2, 8) ? Uint8Array : t <= Math.pow(2, 16) ? Uint16Array : t <= Math.pow(2, 32) ? Uint32Array : t <= Number.MAX_SAFE_INTEGER ? rn : null : null, rn = class extends Array {
		constructor(e) {
			super(e), this.fill(0);
		}
	}, ha = class t {
		heap;
		length;
		static #u = !1;
		static create(e) {
			let r = mp(e);
			if (!r) return [];
			t.#u = !0;
			let n = new t(e, r);
			return t.#u = !1, n;
		}
		constructor(e, r) {
			if (!t.#u) throw new TypeError("instantiate Stack using Stack.create(n)");
			this.heap = new r(e), this.length = 0;
		}
		push(e) {
			this.heap[this.length++] = e;
		}
		pop() {
			return this.heap[--this.length];
		}
	};
	oo.LRUCache = class t {
		#u;
		#f;
		#g;
		#y;
		#R;
		#k;
		ttl;
		ttlResolution;
		ttlAutopurge;
		updateAgeOnGet;
		updateAgeOnHas;
		allowStale;
		noDisposeOnSet;
		noUpdateTTL;
		maxEntrySize;
		sizeCalculation;
		noDeleteOnFetchRejection;
		noDeleteOnStaleGet;
		allowStaleOnFetchAbort;
		allowStaleOnFetchRejection;
		ignoreFetchAbort;
		#i;
		#b;
		#n;
		#r;
		#e;
		#l;
		#d;
		#a;
		#o;
		#m;
		#s;
		#_;
		#w;
		#h;
		#v;
		#x;
		#c;
		static unsafeExposeInternals(e) {
			return {
				starts: e.#w,
				ttls: e.#h,
				sizes: e.#_,
				keyMap: e.#n,
				keyList: e.#r,
				valList: e.#e,
				next: e.#l,
				prev: e.#d,
				get head() {
					return e.#a;
				},
				get tail() {
					return e.#o;
				},
				free: e.#m,
				isBackgroundFetch: (r) => e.#t(r),
				backgroundFetch: (r, n, i, s) => e.#B(r, n, i, s),
				moveToTail: (r) => e.#O(r),
				indexes: (r) => e.#S(r),
				rindexes: (r) => e.#E(r),
				isStale: (r) => e.#p(r)
			};
		}
		get max() {
			return this.#u;
		}
		get maxSize() {
			return this.#f;
		}
		get calculatedSize() {
			return this.#b;
		}
		get size() {
			return this.#i;
		}
		get fetchMethod() {
			return this.#R;
		}
		get memoMethod() {
			return this.#k;
		}
		get dispose() {
			return this.#g;
		}
		get disposeAfter() {
			return this.#y;
		}
		constructor(e) {
			let { max: r = 0, ttl: n, ttlResolution: i = 1, ttlAutopurge: s, updateAgeOnGet: o, updateAgeOnHas: u, allowStale: c, dispose: f, disposeAfter: d, noDisposeOnSet: h, noUpdateTTL: _, maxSize: y = 0, maxEntrySize: I = 0, sizeCalculation: S, fetchMethod: b, memoMethod: m, noDeleteOnFetchRejection: w, noDeleteOnStaleGet: R, allowStaleOnFetchRejection: A, allowStaleOnFetchAbort: g, ignoreFetchAbort: O } = e;
			if (r !== 0 && !tr(r)) throw new TypeError("max option must be a nonnegative integer");
			let v = r ? mp(r) : Array;
			if (!v) throw new Error("invalid max value: " + r);
			if (this.#u = r, this.#f = y, this.maxEntrySize = I || this.#f, this.sizeCalculation = S, this.sizeCalculation) {
				if (!this.#f && !this.maxEntrySize) throw new TypeError("cannot set sizeCalculation without setting maxSize or maxEntrySize");
				if (typeof this.sizeCalculation != "function") throw new TypeError("sizeCalculation set to non-function");
			}
			if (m !== void 0 && typeof m != "function") throw new TypeError("memoMethod must be a function if defined");
			if (this.#k = m, b !== void 0 && typeof b != "function") throw new TypeError("fetchMethod must be a function if specified");
			if (this.#R = b, this.#x = !!b, this.#n = /* @__PURE__ */ new Map(), this.#r = new Array(r).fill(void 0), this.#e = new Array(r).fill(void 0), this.#l = new v(r), this.#d = new v(r), this.#a = 0, this.#o = 0, this.#m = ha.create(r), this.#i = 0, this.#b = 0, typeof f == "function" && (this.#g = f), typeof d == "function" ? (this.#y = d, this.#s = []) : (this.#y = void 0, this.#s = void 0), this.#v = !!this.#g, this.#c = !!this.#y, this.noDisposeOnSet = !!h, this.noUpdateTTL = !!_, this.noDeleteOnFetchRejection = !!w, this.allowStaleOnFetchRejection = !!A, this.allowStaleOnFetchAbort = !!g, this.ignoreFetchAbort = !!O, this.maxEntrySize !== 0) {
				if (this.#f !== 0 && !tr(this.#f)) throw new TypeError("maxSize must be a positive integer if specified");
				if (!tr(this.maxEntrySize)) throw new TypeError("maxEntrySize must be a positive integer if specified");
				this.#j();
			}
			if (this.allowStale = !!c, this.noDeleteOnStaleGet = !!R, this.updateAgeOnGet = !!o, this.updateAgeOnHas = !!u, this.ttlResolution = tr(i) || i === 0 ? i : 1, this.ttlAutopurge = !!s, this.ttl = n || 0, this.ttl) {
				if (!tr(this.ttl)) throw new TypeError("ttl must be a positive integer if specified");
				this.#N();
			}
			if (this.#u === 0 && this.ttl === 0 && this.#f === 0) throw new TypeError("At least one of max, maxSize, or ttl is required");
			if (!this.ttlAutopurge && !this.#u && !this.#f) {
				let B = "LRU_CACHE_UNBOUNDED";
				pS(B) && (yp.add(B), bp("TTL caching without ttlAutopurge, max, or maxSize can result in unbounded memory consumption.", "UnboundedCacheWarning", B, t));
			}
		}
		getRemainingTTL(e) {
			return this.#n.has(e) ? 1 / 0 : 0;
		}
		#N() {
			let e = new rn(this.#u), r = new rn(this.#u);
			this.#h = e, this.#w = r, this.#L = (s, o, u = tn.now()) => {
				if (r[s] = o !== 0 ? u : 0, e[s] = o, o !== 0 && this.ttlAutopurge) {
					let c = setTimeout(() => {
						this.#p(s) && this.#A(this.#r[s], "expire");
					}, o + 1);
					c.unref && c.unref();
				}
			}, this.#T = (s) => {
				r[s] = e[s] !== 0 ? tn.now() : 0;
			}, this.#I = (s, o) => {
				if (e[o]) {
					let u = e[o], c = r[o];
					if (!u || !c) return;
					s.ttl = u, s.start = c, s.now = n || i();
					s.remainingTTL = u - (s.now - c);
				}
			};
			let n = 0, i = () => {
				let s = tn.now();
				if (this.ttlResolution > 0) {
					n = s;
					let o = setTimeout(() => n = 0, this.ttlResolution);
					o.unref && o.unref();
				}
				return s;
			};
			this.getRemainingTTL = (s) => {
				let o = this.#n.get(s);
				if (o === void 0) return 0;
				let u = e[o], c = r[o];
				if (!u || !c) return 1 / 0;
				return u - ((n || i()) - c);
			}, this.#p = (s) => {
				let o = r[s], u = e[s];
				return !!u && !!o && (n || i()) - o > u;
			};
		}
		#T = () => {};
		#I = () => {};
		#L = () => {};
		#p = () => !1;
		#j() {
			let e = new rn(this.#u);
			this.#b = 0, this.#_ = e, this.#P = (r) => {
				this.#b -= e[r], e[r] = 0;
			}, this.#q = (r, n, i, s) => {
				if (this.#t(n)) return 0;
				if (!tr(i)) if (s) {
					if (typeof s != "function") throw new TypeError("sizeCalculation must be a function");
					if (i = s(n, r), !tr(i)) throw new TypeError("sizeCalculation return invalid (expect positive integer)");
				} else throw new TypeError("invalid size value (must be positive integer). When maxSize or maxEntrySize is used, sizeCalculation or size must be set.");
				return i;
			}, this.#C = (r, n, i) => {
				if (e[r] = n, this.#f) {
					let s = this.#f - e[r];
					for (; this.#b > s;) this.#M(!0);
				}
				this.#b += e[r], i && (i.entrySize = n, i.totalCalculatedSize = this.#b);
			};
		}
		#P = (e) => {};
		#C = (e, r, n) => {};
		#q = (e, r, n, i) => {
			if (n || i) throw new TypeError("cannot set size without setting maxSize or maxEntrySize on cache");
			return 0;
		};
		*#S({ allowStale: e = this.allowStale } = {}) {
			if (this.#i) for (let r = this.#o; !(!this.#D(r) || ((e || !this.#p(r)) && (yield r), r === this.#a));) r = this.#d[r];
		}
		*#E({ allowStale: e = this.allowStale } = {}) {
			if (this.#i) for (let r = this.#a; !(!this.#D(r) || ((e || !this.#p(r)) && (yield r), r === this.#o));) r = this.#l[r];
		}
		#D(e) {
			return e !== void 0 && this.#n.get(this.#r[e]) === e;
		}
		*entries() {
			for (let e of this.#S()) this.#e[e] !== void 0 && this.#r[e] !== void 0 && !this.#t(this.#e[e]) && (yield [this.#r[e], this.#e[e]]);
		}
		*rentries() {
			for (let e of this.#E()) this.#e[e] !== void 0 && this.#r[e] !== void 0 && !this.#t(this.#e[e]) && (yield [this.#r[e], this.#e[e]]);
		}
		*keys() {
			for (let e of this.#S()) {
				let r = this.#r[e];
				r !== void 0 && !this.#t(this.#e[e]) && (yield r);
			}
		}
		*rkeys() {
			for (let e of this.#E()) {
				let r = this.#r[e];
				r !== void 0 && !this.#t(this.#e[e]) && (yield r);
			}
		}
		*values() {
			for (let e of this.#S()) this.#e[e] !== void 0 && !this.#t(this.#e[e]) && (yield this.#e[e]);
		}
		*rvalues() {
			for (let e of this.#E()) this.#e[e] !== void 0 && !this.#t(this.#e[e]) && (yield this.#e[e]);
		}
		[Symbol.iterator]() {
			return this.entries();
		}
		[Symbol.toStringTag] = "LRUCache";
		find(e, r = {}) {
			for (let n of this.#S()) {
				let i = this.#e[n], s = this.#t(i) ? i.__staleWhileFetching : i;
				if (s !== void 0 && e(s, this.#r[n], this)) return this.get(this.#r[n], r);
			}
		}
		forEach(e, r = this) {
			for (let n of this.#S()) {
				let i = this.#e[n], s = this.#t(i) ? i.__staleWhileFetching : i;
				s !== void 0 && e.call(r, s, this.#r[n], this);
			}
		}
		rforEach(e, r = this) {
			for (let n of this.#E()) {
				let i = this.#e[n], s = this.#t(i) ? i.__staleWhileFetching : i;
				s !== void 0 && e.call(r, s, this.#r[n], this);
			}
		}
		purgeStale() {
			let e = !1;
			for (let r of this.#E({ allowStale: !0 })) this.#p(r) && (this.#A(this.#r[r], "expire"), e = !0);
			return e;
		}
		info(e) {
			let r = this.#n.get(e);
			if (r === void 0) return;
			let n = this.#e[r], i = this.#t(n) ? n.__staleWhileFetching : n;
			if (i === void 0) return;
			let s = { value: i };
			if (this.#h && this.#w) {
				let o = this.#h[r], u = this.#w[r];
				if (o && u) s.ttl = o - (tn.now() - u), s.start = Date.now();
			}
			return this.#_ && (s.size = this.#_[r]), s;
		}
		dump() {
			let e = [];
			for (let r of this.#S({ allowStale: !0 })) {
				let n = this.#r[r], i = this.#e[r], s = this.#t(i) ? i.__staleWhileFetching : i;
				if (s === void 0 || n === void 0) continue;
				let o = { value: s };
				if (this.#h && this.#w) {
					o.ttl = this.#h[r];
					let u = tn.now() - this.#w[r];
					o.start = Math.floor(Date.now() - u);
				}
				this.#_ && (o.size = this.#_[r]), e.unshift([n, o]);
			}
			return e;
		}
		load(e) {
			this.clear();
			for (let [r, n] of e) {
				if (n.start) {
					let i = Date.now() - n.start;
					n.start = tn.now() - i;
				}
				this.set(r, n.value, n);
			}
		}
		set(e, r, n = {}) {
			if (r === void 0) return this.delete(e), this;
			let { ttl: i = this.ttl, start: s, noDisposeOnSet: o = this.noDisposeOnSet, sizeCalculation: u = this.sizeCalculation, status: c } = n, { noUpdateTTL: f = this.noUpdateTTL } = n, d = this.#q(e, r, n.size || 0, u);
			if (this.maxEntrySize && d > this.maxEntrySize) return c && (c.set = "miss", c.maxEntrySizeExceeded = !0), this.#A(e, "set"), this;
			let h = this.#i === 0 ? void 0 : this.#n.get(e);
			if (h === void 0) h = this.#i === 0 ? this.#o : this.#m.length !== 0 ? this.#m.pop() : this.#i === this.#u ? this.#M(!1) : this.#i, this.#r[h] = e, this.#e[h] = r, this.#n.set(e, h), this.#l[this.#o] = h, this.#d[h] = this.#o, this.#o = h, this.#i++, this.#C(h, d, c), c && (c.set = "add"), f = !1;
			else {
				this.#O(h);
				let _ = this.#e[h];
				if (r !== _) {
					if (this.#x && this.#t(_)) {
						_.__abortController.abort(/* @__PURE__ */ new Error("replaced"));
						let { __staleWhileFetching: y } = _;
						y !== void 0 && !o && (this.#v && this.#g?.(y, e, "set"), this.#c && this.#s?.push([
							y,
							e,
							"set"
						]));
					} else o || (this.#v && this.#g?.(_, e, "set"), this.#c && this.#s?.push([
						_,
						e,
						"set"
					]));
					if (this.#P(h), this.#C(h, d, c), this.#e[h] = r, c) {
						c.set = "replace";
						let y = _ && this.#t(_) ? _.__staleWhileFetching : _;
						y !== void 0 && (c.oldValue = y);
					}
				} else c && (c.set = "update");
			}
			if (i !== 0 && !this.#h && this.#N(), this.#h && (f || this.#L(h, i, s), c && this.#I(c, h)), !o && this.#c && this.#s) {
				let _ = this.#s, y;
				for (; y = _?.shift();) this.#y?.(...y);
			}
			return this;
		}
		pop() {
			try {
				for (; this.#i;) {
					let e = this.#e[this.#a];
					if (this.#M(!0), this.#t(e)) {
						if (e.__staleWhileFetching) return e.__staleWhileFetching;
					} else if (e !== void 0) return e;
				}
			} finally {
				if (this.#c && this.#s) {
					let e = this.#s, r;
					for (; r = e?.shift();) this.#y?.(...r);
				}
			}
		}
		#M(e) {
			let r = this.#a, n = this.#r[r], i = this.#e[r];
			return this.#x && this.#t(i) ? i.__abortController.abort(/* @__PURE__ */ new Error("evicted")) : (this.#v || this.#c) && (this.#v && this.#g?.(i, n, "evict"), this.#c && this.#s?.push([
				i,
				n,
				"evict"
			])), this.#P(r), e && (this.#r[r] = void 0, this.#e[r] = void 0, this.#m.push(r)), this.#i === 1 ? (this.#a = this.#o = 0, this.#m.length = 0) : this.#a = this.#l[r], this.#n.delete(n), this.#i--, r;
		}
		has(e, r = {}) {
			let { updateAgeOnHas: n = this.updateAgeOnHas, status: i } = r, s = this.#n.get(e);
			if (s !== void 0) {
				let o = this.#e[s];
				if (this.#t(o) && o.__staleWhileFetching === void 0) return !1;
				if (this.#p(s)) i && (i.has = "stale", this.#I(i, s));
				else return n && this.#T(s), i && (i.has = "hit", this.#I(i, s)), !0;
			} else i && (i.has = "miss");
			return !1;
		}
		peek(e, r = {}) {
			let { allowStale: n = this.allowStale } = r, i = this.#n.get(e);
			if (i === void 0 || !n && this.#p(i)) return;
			let s = this.#e[i];
			return this.#t(s) ? s.__staleWhileFetching : s;
		}
		#B(e, r, n, i) {
			let s = r === void 0 ? void 0 : this.#e[r];
			if (this.#t(s)) return s;
			let o = new io(), { signal: u } = n;
			u?.addEventListener("abort", () => o.abort(u.reason), { signal: o.signal });
			let c = {
				signal: o.signal,
				options: n,
				context: i
			}, f = (S, b = !1) => {
				let { aborted: m } = o.signal, w = n.ignoreFetchAbort && S !== void 0;
				if (n.status && (m && !b ? (n.status.fetchAborted = !0, n.status.fetchError = o.signal.reason, w && (n.status.fetchAbortIgnored = !0)) : n.status.fetchResolved = !0), m && !w && !b) return h(o.signal.reason);
				let R = y;
				return this.#e[r] === y && (S === void 0 ? R.__staleWhileFetching ? this.#e[r] = R.__staleWhileFetching : this.#A(e, "fetch") : (n.status && (n.status.fetchUpdated = !0), this.set(e, S, c.options))), S;
			}, d = (S) => (n.status && (n.status.fetchRejected = !0, n.status.fetchError = S), h(S)), h = (S) => {
				let { aborted: b } = o.signal, m = b && n.allowStaleOnFetchAbort, w = m || n.allowStaleOnFetchRejection, R = w || n.noDeleteOnFetchRejection, A = y;
				if (this.#e[r] === y && (!R || A.__staleWhileFetching === void 0 ? this.#A(e, "fetch") : m || (this.#e[r] = A.__staleWhileFetching)), w) return n.status && A.__staleWhileFetching !== void 0 && (n.status.returnedStale = !0), A.__staleWhileFetching;
				if (A.__returned === A) throw S;
			}, _ = (S, b) => {
				let m = this.#R?.(e, s, c);
				m && m instanceof Promise && m.then((w) => S(w === void 0 ? void 0 : w), b), o.signal.addEventListener("abort", () => {
					(!n.ignoreFetchAbort || n.allowStaleOnFetchAbort) && (S(void 0), n.allowStaleOnFetchAbort && (S = (w) => f(w, !0)));
				});
			};
			n.status && (n.status.fetchDispatched = !0);
			let y = new Promise(_).then(f, d), I = Object.assign(y, {
				__abortController: o,
				__staleWhileFetching: s,
				__returned: void 0
			});
			return r === void 0 ? (this.set(e, I, {
				...c.options,
				status: void 0
			}), r = this.#n.get(e)) : this.#e[r] = I, I;
		}
		#t(e) {
			if (!this.#x) return !1;
			let r = e;
			return !!r && r instanceof Promise && r.hasOwnProperty("__staleWhileFetching") && r.__abortController instanceof io;
		}
		async fetch(e, r = {}) {
			let { allowStale: n = this.allowStale, updateAgeOnGet: i = this.updateAgeOnGet, noDeleteOnStaleGet: s = this.noDeleteOnStaleGet, ttl: o = this.ttl, noDisposeOnSet: u = this.noDisposeOnSet, size: c = 0, sizeCalculation: f = this.sizeCalculation, noUpdateTTL: d = this.noUpdateTTL, noDeleteOnFetchRejection: h = this.noDeleteOnFetchRejection, allowStaleOnFetchRejection: _ = this.allowStaleOnFetchRejection, ignoreFetchAbort: y = this.ignoreFetchAbort, allowStaleOnFetchAbort: I = this.allowStaleOnFetchAbort, context: S, forceRefresh: b = !1, status: m, signal: w } = r;
			if (!this.#x) return m && (m.fetch = "get"), this.get(e, {
				allowStale: n,
				updateAgeOnGet: i,
				noDeleteOnStaleGet: s,
				status: m
			});
			let R = {
				allowStale: n,
				updateAgeOnGet: i,
				noDeleteOnStaleGet: s,
				ttl: o,
				noDisposeOnSet: u,
				size: c,
				sizeCalculation: f,
				noUpdateTTL: d,
				noDeleteOnFetchRejection: h,
				allowStaleOnFetchRejection: _,
				allowStaleOnFetchAbort: I,
				ignoreFetchAbort: y,
				status: m,
				signal: w
			}, A = this.#n.get(e);
			if (A === void 0) {
				m && (m.fetch = "miss");
				let g = this.#B(e, A, R, S);
				return g.__returned = g;
			} else {
				let g = this.#e[A];
				if (this.#t(g)) {
					let L = n && g.__staleWhileFetching !== void 0;
					return m && (m.fetch = "inflight", L && (m.returnedStale = !0)), L ? g.__staleWhileFetching : g.__returned = g;
				}
				let O = this.#p(A);
				if (!b && !O) return m && (m.fetch = "hit"), this.#O(A), i && this.#T(A), m && this.#I(m, A), g;
				let v = this.#B(e, A, R, S), D = v.__staleWhileFetching !== void 0 && n;
				return m && (m.fetch = O ? "stale" : "refresh", D && O && (m.returnedStale = !0)), D ? v.__staleWhileFetching : v.__returned = v;
			}
		}
		async forceFetch(e, r = {}) {
			let n = await this.fetch(e, r);
			if (n === void 0) throw new Error("fetch() returned undefined");
			return n;
		}
		memo(e, r = {}) {
			let n = this.#k;
			if (!n) throw new Error("no memoMethod provided to constructor");
			let { context: i, forceRefresh: s, ...o } = r, u = this.get(e, o);
			if (!s && u !== void 0) return u;
			let c = n(e, u, {
				options: o,
				context: i
			});
			return this.set(e, c, o), c;
		}
		get(e, r = {}) {
			let { allowStale: n = this.allowStale, updateAgeOnGet: i = this.updateAgeOnGet, noDeleteOnStaleGet: s = this.noDeleteOnStaleGet, status: o } = r, u = this.#n.get(e);
			if (u !== void 0) {
				let c = this.#e[u], f = this.#t(c);
				return o && this.#I(o, u), this.#p(u) ? (o && (o.get = "stale"), f ? (o && n && c.__staleWhileFetching !== void 0 && (o.returnedStale = !0), n ? c.__staleWhileFetching : void 0) : (s || this.#A(e, "expire"), o && n && (o.returnedStale = !0), n ? c : void 0)) : (o && (o.get = "hit"), f ? c.__staleWhileFetching : (this.#O(u), i && this.#T(u), c));
			} else o && (o.get = "miss");
		}
		#U(e, r) {
			this.#d[r] = e, this.#l[e] = r;
		}
		#O(e) {
			e !== this.#o && (e === this.#a ? this.#a = this.#l[e] : this.#U(this.#d[e], this.#l[e]), this.#U(this.#o, e), this.#o = e);
		}
		delete(e) {
			return this.#A(e, "delete");
		}
		#A(e, r) {
			let n = !1;
			if (this.#i !== 0) {
				let i = this.#n.get(e);
				if (i !== void 0) if (n = !0, this.#i === 1) this.#F(r);
				else {
					this.#P(i);
					let s = this.#e[i];
					if (this.#t(s) ? s.__abortController.abort(/* @__PURE__ */ new Error("deleted")) : (this.#v || this.#c) && (this.#v && this.#g?.(s, e, r), this.#c && this.#s?.push([
						s,
						e,
						r
					])), this.#n.delete(e), this.#r[i] = void 0, this.#e[i] = void 0, i === this.#o) this.#o = this.#d[i];
					else if (i === this.#a) this.#a = this.#l[i];
					else {
						let o = this.#d[i];
						this.#l[o] = this.#l[i];
						let u = this.#l[i];
						this.#d[u] = this.#d[i];
					}
					this.#i--, this.#m.push(i);
				}
			}
			if (this.#c && this.#s?.length) {
				let i = this.#s, s;
				for (; s = i?.shift();) this.#y?.(...s);
			}
			return n;
		}
		clear() {
			return this.#F("delete");
		}
		#F(e) {
			for (let r of this.#E({ allowStale: !0 })) {
				let n = this.#e[r];
				if (this.#t(n)) n.__abortController.abort(/* @__PURE__ */ new Error("deleted"));
				else {
					let i = this.#r[r];
					this.#v && this.#g?.(n, i, e), this.#c && this.#s?.push([
						n,
						i,
						e
					]);
				}
			}
			if (this.#n.clear(), this.#e.fill(void 0), this.#r.fill(void 0), this.#h && this.#w && (this.#h.fill(0), this.#w.fill(0)), this.#_ && this.#_.fill(0), this.#a = 0, this.#o = 0, this.#m.length = 0, this.#b = 0, this.#i = 0, this.#c && this.#s) {
				let r = this.#s, n;
				for (; n = r?.shift();) this.#y?.(...n);
			}
		}
	};
});
var ya = H((so) => {
	"use strict";
	x();
	P();
	T();
	Object.defineProperty(so, "__esModule", { value: !0 });
	so.NumberAllocator = void 0;
	var ga = class {
		used;
		min;
		max;
		lowWaterMark;
		constructor(e, r) {
			this.min = e, this.max = r, this.used = /* @__PURE__ */ new Set(), this.lowWaterMark = e;
		}
		firstVacant() {
			if (this.used.size === this.max - this.min + 1) return null;
			for (let e = this.lowWaterMark; e <= this.max; e++) if (!this.used.has(e)) return e;
			return null;
		}
		alloc() {
			if (this.used.size === this.max - this.min + 1) return null;
			for (let e = this.lowWaterMark; e <= this.max; e++) if (!this.used.has(e)) return this.used.add(e), this.lowWaterMark = e + 1, e;
			return null;
		}
		use(e) {
			return e < this.min || e > this.max || this.used.has(e) ? !1 : (this.used.add(e), !0);
		}
		free(e) {
			e < this.min || e > this.max || (this.used.delete(e), e < this.lowWaterMark && (this.lowWaterMark = e));
		}
		clear() {
			this.used.clear(), this.lowWaterMark = this.min;
		}
	};
	so.NumberAllocator = ga;
});
var wp = H((ma) => {
	"use strict";
	x();
	P();
	T();
	Object.defineProperty(ma, "__esModule", { value: !0 });
	var gS = _p(), yS = ya(), ba = class {
		aliasToTopic;
		topicToAlias;
		max;
		numberAllocator;
		length;
		constructor(e) {
			e > 0 && (this.aliasToTopic = new gS.LRUCache({ max: e }), this.topicToAlias = {}, this.numberAllocator = new yS.NumberAllocator(1, e), this.max = e, this.length = 0);
		}
		put(e, r) {
			if (r === 0 || r > this.max) return !1;
			let n = this.aliasToTopic.get(r);
			return n && delete this.topicToAlias[n], this.aliasToTopic.set(r, e), this.topicToAlias[e] = r, this.numberAllocator.use(r), this.length = this.aliasToTopic.size, !0;
		}
		getTopicByAlias(e) {
			return this.aliasToTopic.get(e);
		}
		getAliasByTopic(e) {
			let r = this.topicToAlias[e];
			return typeof r < "u" && this.aliasToTopic.get(r), r;
		}
		clear() {
			this.aliasToTopic.clear(), this.topicToAlias = {}, this.numberAllocator.clear(), this.length = 0;
		}
		getLruAlias() {
			return this.numberAllocator.firstVacant() || [...this.aliasToTopic.keys()][this.aliasToTopic.size - 1];
		}
	};
	ma.default = ba;
});
var Sp = H((Bn) => {
	"use strict";
	x();
	P();
	T();
	var bS = Bn && Bn.__importDefault || function(t) {
		return t && t.__esModule ? t : { default: t };
	};
	Object.defineProperty(Bn, "__esModule", { value: !0 });
	var mS = Mn(), _S = bS(wp()), vp = Ct(), wS = (t, e, r) => {
		t.log("_handleConnack");
		let { options: n } = t, s = n.protocolVersion === 5 ? e.reasonCode : e.returnCode;
		if (t.connackReceived) {
			let o = new vp.ErrorWithReasonCode("Protocol error: duplicate CONNACK on the same network connection", 130);
			r?.discardParsedPackets(), t._cleanUp(!0), t.emit("error", o);
			return;
		}
		if (t.connackReceived = !0, clearTimeout(t.connackTimer), delete t.topicAliasSend, t._serverProperties = e.properties, e.properties && e.properties.topicAliasMaximum) {
			if (e.properties.topicAliasMaximum > 65535) {
				r?.discardParsedPackets(), t._cleanUp(!0), t.emit("error", /* @__PURE__ */ new Error("topicAliasMaximum from broker is out of range"));
				return;
			}
			e.properties.topicAliasMaximum > 0 && (t.topicAliasSend = new _S.default(e.properties.topicAliasMaximum));
		}
		if (s === 0) t.reconnecting = !1, t._onConnect(e);
		else if (s > 0) {
			t.log("_handleConnack :: connection refused with reason code %d", s);
			let o = new vp.ErrorWithReasonCode(`Connection refused: ${mS.ReasonCodes[s]}`, s);
			r?.discardParsedPackets(), t.reconnectSuppressed = !0, t._cleanUp(!0);
			try {
				t.emit("error", o);
			} finally {
				n.reconnectOnConnackError && (t.reconnectSuppressed = !1, t._setupReconnect());
			}
		}
	};
	Bn.default = wS;
});
var Ep = H((_a) => {
	"use strict";
	x();
	P();
	T();
	Object.defineProperty(_a, "__esModule", { value: !0 });
	var vS = (t, e, r) => {
		t.log("handling pubrel packet");
		let n = typeof r < "u" ? r : t.noop, { messageId: i } = e, s = {
			cmd: "pubcomp",
			messageId: i
		};
		t.incomingStore.get(e, (o, u) => {
			o ? t._sendPacket(s, n) : (t.emit("message", u.topic, u.payload, u), t.handleMessage(u, (c) => {
				if (c) return n(c);
				t.incomingStore.del(u, t.noop), t._releaseIncomingQoS2Publish(i), t._sendPacket(s, n);
			}));
		});
	};
	_a.default = vS;
});
var Ap = H((Nn) => {
	"use strict";
	x();
	P();
	T();
	var Ln = Nn && Nn.__importDefault || function(t) {
		return t && t.__esModule ? t : { default: t };
	};
	Object.defineProperty(Nn, "__esModule", { value: !0 });
	var SS = Ln(dp()), ES = Ln(hp()), AS = Ln(Sp()), IS = Ln(Mn()), xS = Ln(Ep()), TS = Ct(), PS = (t) => t < 128 ? 1 : t < 16384 ? 2 : t < 2097152 ? 3 : 4, OS = (t) => 1 + PS(t) + t, RS = (t, e, r, n) => {
		let { options: i } = t, s = i.properties?.maximumPacketSize, o = OS(e.length);
		if (i.protocolVersion === 5 && s && s < o) return t.log("_handlePacket :: %s packet of %d bytes exceeds the advertised maximumPacketSize %d", e.cmd, o, s), n?.discardParsedPackets(), t._cleanUp(!0), r(), t.emit("error", new TS.ErrorWithReasonCode(`exceeding packets size ${e.cmd}: ${o} bytes, maximumPacketSize is ${s}`, 149)), t;
		switch (t.log("_handlePacket :: emitting packetreceive"), t.emit("packetreceive", e), e.cmd) {
			case "publish":
				(0, SS.default)(t, e, r, n);
				break;
			case "puback":
			case "pubrec":
			case "pubcomp":
			case "suback":
			case "unsuback":
				t.reschedulePing();
				try {
					(0, IS.default)(t, e);
				} finally {
					r();
				}
				break;
			case "pubrel":
				t.reschedulePing(), (0, xS.default)(t, e, r);
				break;
			case "connack":
				try {
					(0, AS.default)(t, e, n);
				} finally {
					r();
				}
				break;
			case "auth":
				t.reschedulePing();
				try {
					(0, ES.default)(t, e, n);
				} finally {
					r();
				}
				break;
			case "pingresp":
				t.log("_handlePacket :: received pingresp"), t.reschedulePing(!0), r();
				break;
			case "disconnect":
				t.emit("disconnect", e), r();
				break;
			default: t.log("_handlePacket :: unknown command"), r();
		}
	};
	Nn.default = RS;
});
var Sa = H((va) => {
	"use strict";
	x();
	P();
	T();
	Object.defineProperty(va, "__esModule", { value: !0 });
	var wa = class {
		nextId;
		constructor() {
			this.nextId = Math.max(1, Math.floor(Math.random() * 65535));
		}
		allocate() {
			let e = this.nextId++;
			return this.nextId === 65536 && (this.nextId = 1), e;
		}
		getLastAllocated() {
			return this.nextId === 1 ? 65535 : this.nextId - 1;
		}
		register(e) {
			return !0;
		}
		deallocate(e) {}
		clear() {}
	};
	va.default = wa;
});
var Ip = H((Aa) => {
	"use strict";
	x();
	P();
	T();
	Object.defineProperty(Aa, "__esModule", { value: !0 });
	var Ea = class {
		aliasToTopic;
		max;
		length;
		constructor(e) {
			this.aliasToTopic = {}, this.max = e;
		}
		put(e, r) {
			return r === 0 || r > this.max ? !1 : (this.aliasToTopic[r] = e, this.length = Object.keys(this.aliasToTopic).length, !0);
		}
		getTopicByAlias(e) {
			return this.aliasToTopic[e];
		}
		clear() {
			this.aliasToTopic = {};
		}
	};
	Aa.default = Ea;
});
var xp = H((nn) => {
	"use strict";
	x();
	P();
	T();
	var kS = nn && nn.__importDefault || function(t) {
		return t && t.__esModule ? t : { default: t };
	};
	Object.defineProperty(nn, "__esModule", { value: !0 });
	nn.TypedEventEmitter = void 0;
	var CS = kS((Ht(), _e(Vt))), MS = Ct(), ao = class {};
	nn.TypedEventEmitter = ao;
	(0, MS.applyMixin)(ao, CS.default);
});
var Ia = H((uo, Tp) => {
	x();
	P();
	T();
	(function(t, e) {
		typeof uo == "object" && typeof Tp < "u" ? e(uo) : typeof define == "function" && define.amd ? define(["exports"], e) : (t = typeof globalThis < "u" ? globalThis : t || self, e(t.fastUniqueNumbers = {}));
	})(uo, (function(t) {
		"use strict";
		var e = function(_) {
			return function(y) {
				var I = _(y);
				return y.add(I), I;
			};
		}, r = function(_) {
			return function(y, I) {
				return _.set(y, I), I;
			};
		}, n = Number.MAX_SAFE_INTEGER === void 0 ? 9007199254740991 : Number.MAX_SAFE_INTEGER, i = 536870912, s = i * 2, o = function(_, y) {
			return function(I) {
				var S = y.get(I), b = S === void 0 ? I.size : S < s ? S + 1 : 0;
				if (!I.has(b)) return _(I, b);
				if (I.size < i) {
					for (; I.has(b);) b = Math.floor(Math.random() * s);
					return _(I, b);
				}
				if (I.size > n) throw new Error("Congratulations, you created a collection of unique numbers which uses all available integers!");
				for (; I.has(b);) b = Math.floor(Math.random() * n);
				return _(I, b);
			};
		}, u = /* @__PURE__ */ new WeakMap(), f = o(r(u), u);
		t.addUniqueNumber = e(f), t.generateUniqueNumber = f;
	}));
});
var qn = H((WL, Mt) => {
	x();
	P();
	T();
	function xa(t) {
		"@babel/helpers - typeof";
		return Mt.exports = xa = typeof Symbol == "function" && typeof Symbol.iterator == "symbol" ? function(e) {
			return typeof e;
		} : function(e) {
			return e && typeof Symbol == "function" && e.constructor === Symbol && e !== Symbol.prototype ? "symbol" : typeof e;
		}, Mt.exports.__esModule = !0, Mt.exports.default = Mt.exports, xa(t);
	}
	Mt.exports = xa, Mt.exports.__esModule = !0, Mt.exports.default = Mt.exports;
});
var Op = H((ZL, Dn) => {
	x();
	P();
	T();
	var Pp = qn().default;
	function BS(t, e) {
		if (Pp(t) != "object" || !t) return t;
		var r = t[Symbol.toPrimitive];
		if (r !== void 0) {
			var n = r.call(t, e || "default");
			if (Pp(n) != "object") return n;
			throw new TypeError("@@toPrimitive must return a primitive value.");
		}
		return (e === "string" ? String : Number)(t);
	}
	Dn.exports = BS, Dn.exports.__esModule = !0, Dn.exports.default = Dn.exports;
});
var Rp = H((lq, Un) => {
	x();
	P();
	T();
	var NS = qn().default, LS = Op();
	function qS(t) {
		var e = LS(t, "string");
		return NS(e) == "symbol" ? e : e + "";
	}
	Un.exports = qS, Un.exports.__esModule = !0, Un.exports.default = Un.exports;
});
var kp = H((_q, Fn) => {
	x();
	P();
	T();
	var DS = Rp();
	function US(t, e, r) {
		return (e = DS(e)) in t ? Object.defineProperty(t, e, {
			value: r,
			enumerable: !0,
			configurable: !0,
			writable: !0
		}) : t[e] = r, t;
	}
	Fn.exports = US, Fn.exports.__esModule = !0, Fn.exports.default = Fn.exports;
});
var Cp = H((Oq, jn) => {
	x();
	P();
	T();
	function FS(t) {
		if (Array.isArray(t)) return t;
	}
	jn.exports = FS, jn.exports.__esModule = !0, jn.exports.default = jn.exports;
});
var Mp = H((Uq, $n) => {
	x();
	P();
	T();
	function jS(t, e) {
		var r = t == null ? null : typeof Symbol < "u" && t[Symbol.iterator] || t["@@iterator"];
		if (r != null) {
			var n, i, s, o, u = [], c = !0, f = !1;
			try {
				if (s = (r = r.call(t)).next, e === 0) {
					if (Object(r) !== r) return;
					c = !1;
				} else for (; !(c = (n = s.call(r)).done) && (u.push(n.value), u.length !== e); c = !0);
			} catch (d) {
				f = !0, i = d;
			} finally {
				try {
					if (!c && r.return != null && (o = r.return(), Object(o) !== o)) return;
				} finally {
					if (f) throw i;
				}
			}
			return u;
		}
	}
	$n.exports = jS, $n.exports.__esModule = !0, $n.exports.default = $n.exports;
});
var Bp = H((Kq, Wn) => {
	x();
	P();
	T();
	function $S(t, e) {
		(e == null || e > t.length) && (e = t.length);
		for (var r = 0, n = Array(e); r < e; r++) n[r] = t[r];
		return n;
	}
	Wn.exports = $S, Wn.exports.__esModule = !0, Wn.exports.default = Wn.exports;
});
var Lp = H((oD, Vn) => {
	x();
	P();
	T();
	var Np = Bp();
	function WS(t, e) {
		if (t) {
			if (typeof t == "string") return Np(t, e);
			var r = {}.toString.call(t).slice(8, -1);
			return r === "Object" && t.constructor && (r = t.constructor.name), r === "Map" || r === "Set" ? Array.from(t) : r === "Arguments" || /^(?:Ui|I)nt(?:8|16|32)(?:Clamped)?Array$/.test(r) ? Np(t, e) : void 0;
		}
	}
	Vn.exports = WS, Vn.exports.__esModule = !0, Vn.exports.default = Vn.exports;
});
var qp = H((gD, Hn) => {
	x();
	P();
	T();
	function VS() {
		throw new TypeError(`Invalid attempt to destructure non-iterable instance.
In order to be iterable, non-array objects must have a [Symbol.iterator]() method.`);
	}
	Hn.exports = VS, Hn.exports.__esModule = !0, Hn.exports.default = Hn.exports;
});
var Dp = H((ID, zn) => {
	x();
	P();
	T();
	var HS = Cp(), zS = Mp(), GS = Lp(), QS = qp();
	function KS(t, e) {
		return HS(t) || zS(t, e) || GS(t, e) || QS();
	}
	zn.exports = KS, zn.exports.__esModule = !0, zn.exports.default = zn.exports;
});
var Fp = H((ND, Gn) => {
	x();
	P();
	T();
	function Up(t, e, r, n, i, s, o) {
		try {
			var u = t[s](o), c = u.value;
		} catch (f) {
			r(f);
			return;
		}
		u.done ? e(c) : Promise.resolve(c).then(n, i);
	}
	function YS(t) {
		return function() {
			var e = this, r = arguments;
			return new Promise(function(n, i) {
				var s = t.apply(e, r);
				function o(c) {
					Up(s, n, i, o, u, "next", c);
				}
				function u(c) {
					Up(s, n, i, o, u, "throw", c);
				}
				o(void 0);
			});
		};
	}
	Gn.exports = YS, Gn.exports.__esModule = !0, Gn.exports.default = Gn.exports;
});
var Ta = H((HD, Qn) => {
	x();
	P();
	T();
	function JS(t, e) {
		this.v = t, this.k = e;
	}
	Qn.exports = JS, Qn.exports.__esModule = !0, Qn.exports.default = Qn.exports;
});
var Pa = H((tU, Bt) => {
	x();
	P();
	T();
	function lo(t, e, r, n) {
		var i = Object.defineProperty;
		try {
			i({}, "", {});
		} catch {
			i = 0;
		}
		Bt.exports = lo = function(o, u, c, f) {
			function d(h, _) {
				lo(o, h, function(y) {
					return this._invoke(h, _, y);
				});
			}
			u ? i ? i(o, u, {
				value: c,
				enumerable: !f,
				configurable: !f,
				writable: !f
			}) : o[u] = c : (d("next", 0), d("throw", 1), d("return", 2));
		}, Bt.exports.__esModule = !0, Bt.exports.default = Bt.exports, lo(t, e, r, n);
	}
	Bt.exports = lo, Bt.exports.__esModule = !0, Bt.exports.default = Bt.exports;
});
var Oa = H((fU, Nt) => {
	x();
	P();
	T();
	var wt = Pa();
	function jp() {
		var t, e, r = typeof Symbol == "function" ? Symbol : {}, n = r.iterator || "@@iterator", i = r.toStringTag || "@@toStringTag";
		function s(y, I, S, b) {
			var m = I && I.prototype instanceof u ? I : u, w = Object.create(m.prototype);
			return wt(w, "_invoke", (function(R, A, g) {
				var O, v, B, D = 0, L = g || [], K = !1, U = {
					p: 0,
					n: 0,
					v: t,
					a: $,
					f: $.bind(t, 4),
					d: function(J, ee) {
						return O = J, v = 0, B = t, U.n = ee, o;
					}
				};
				function $(G, J) {
					for (v = G, B = J, e = 0; !K && D && !ee && e < L.length; e++) {
						var ee, z = L[e], W = U.p, te = z[2];
						G > 3 ? (ee = te === J) && (B = z[(v = z[4]) ? 5 : (v = 3, 3)], z[4] = z[5] = t) : z[0] <= W && ((ee = G < 2 && W < z[1]) ? (v = 0, U.v = J, U.n = z[1]) : W < te && (ee = G < 3 || z[0] > J || J > te) && (z[4] = G, z[5] = J, U.n = te, v = 0));
					}
					if (ee || G > 1) return o;
					throw K = !0, J;
				}
				return function(G, J, ee) {
					if (D > 1) throw TypeError("Generator is already running");
					for (K && J === 1 && $(J, ee), v = J, B = ee; (e = v < 2 ? t : B) || !K;) {
						O || (v ? v < 3 ? (v > 1 && (U.n = -1), $(v, B)) : U.n = B : U.v = B);
						try {
							if (D = 2, O) {
								if (v || (G = "next"), e = O[G]) {
									if (!(e = e.call(O, B))) throw TypeError("iterator result is not an object");
									if (!e.done) return e;
									B = e.value, v < 2 && (v = 0);
								} else v === 1 && (e = O.return) && e.call(O), v < 2 && (B = TypeError("The iterator does not provide a '" + G + "' method"), v = 1);
								O = t;
							} else if ((e = (K = U.n < 0) ? B : R.call(A, U)) !== o) break;
						} catch (z) {
							O = t, v = 1, B = z;
						} finally {
							D = 1;
						}
					}
					return {
						value: e,
						done: K
					};
				};
			})(y, S, b), !0), w;
		}
		var o = {};
		function u() {}
		function c() {}
		function f() {}
		e = Object.getPrototypeOf;
		var d = [][n] ? e(e([][n]())) : (wt(e = {}, n, function() {
			return this;
		}), e), h = f.prototype = u.prototype = Object.create(d);
		function _(y) {
			return Object.setPrototypeOf ? Object.setPrototypeOf(y, f) : (y.__proto__ = f, wt(y, i, "GeneratorFunction")), y.prototype = Object.create(h), y;
		}
		return c.prototype = f, wt(h, "constructor", f), wt(f, "constructor", c), c.displayName = "GeneratorFunction", wt(f, i, "GeneratorFunction"), wt(h), wt(h, i, "Generator"), wt(h, n, function() {
			return this;
		}), wt(h, "toString", function() {
			return "[object Generator]";
		}), (Nt.exports = jp = function() {
			return {
				w: s,
				m: _
			};
		}, Nt.exports.__esModule = !0, Nt.exports.default = Nt.exports)();
	}
	Nt.exports = jp, Nt.exports.__esModule = !0, Nt.exports.default = Nt.exports;
});
var Ca = H((vU, Kn) => {
	x();
	P();
	T();
	var XS = Ta(), Ra = Pa();
	function ka(t, e) {
		function r(i, s, o, u) {
			try {
				var c = t[i](s), f = c.value;
				return f instanceof XS ? e.resolve(f.v).then(function(d) {
					r("next", d, o, u);
				}, function(d) {
					r("throw", d, o, u);
				}) : e.resolve(f).then(function(d) {
					c.value = d, o(c);
				}, function(d) {
					return r("throw", d, o, u);
				});
			} catch (d) {
				u(d);
			}
		}
		var n;
		this.next || (Ra(ka.prototype), Ra(ka.prototype, typeof Symbol == "function" && Symbol.asyncIterator || "@asyncIterator", function() {
			return this;
		})), Ra(this, "_invoke", function(i, s, o) {
			function u() {
				return new e(function(c, f) {
					r(i, o, c, f);
				});
			}
			return n = n ? n.then(u, u) : u();
		}, !0);
	}
	Kn.exports = ka, Kn.exports.__esModule = !0, Kn.exports.default = Kn.exports;
});
var Ma = H((kU, Yn) => {
	x();
	P();
	T();
	var ZS = Oa(), eE = Ca();
	function tE(t, e, r, n, i) {
		return new eE(ZS().w(t, e, r, n), i || Promise);
	}
	Yn.exports = tE, Yn.exports.__esModule = !0, Yn.exports.default = Yn.exports;
});
var $p = H((jU, Jn) => {
	x();
	P();
	T();
	var rE = Ma();
	function nE(t, e, r, n, i) {
		var s = rE(t, e, r, n, i);
		return s.next().then(function(o) {
			return o.done ? o.value : s.next();
		});
	}
	Jn.exports = nE, Jn.exports.__esModule = !0, Jn.exports.default = Jn.exports;
});
var Wp = H((JU, Xn) => {
	x();
	P();
	T();
	function iE(t) {
		var e = Object(t), r = [];
		for (var n in e) r.unshift(n);
		return function i() {
			for (; r.length;) if ((n = r.pop()) in e) return i.value = n, i.done = !1, i;
			return i.done = !0, i;
		};
	}
	Xn.exports = iE, Xn.exports.__esModule = !0, Xn.exports.default = Xn.exports;
});
var Vp = H((a3, Zn) => {
	x();
	P();
	T();
	var oE = qn().default;
	function sE(t) {
		if (t != null) {
			var e = t[typeof Symbol == "function" && Symbol.iterator || "@@iterator"], r = 0;
			if (e) return e.call(t);
			if (typeof t.next == "function") return t;
			if (!isNaN(t.length)) return { next: function() {
				return t && r >= t.length && (t = void 0), {
					value: t && t[r++],
					done: !t
				};
			} };
		}
		throw new TypeError(oE(t) + " is not iterable");
	}
	Zn.exports = sE, Zn.exports.__esModule = !0, Zn.exports.default = Zn.exports;
});
var zp = H((b3, Lt) => {
	x();
	P();
	T();
	var aE = Ta(), uE = Oa(), lE = $p(), cE = Ma(), fE = Ca(), dE = Wp(), Hp = Vp();
	function Ba() {
		"use strict";
		var t = uE(), e = t.m(Ba), r = (Object.getPrototypeOf ? Object.getPrototypeOf(e) : e.__proto__).constructor;
		function n(o) {
			var u = typeof o == "function" && o.constructor;
			return !!u && (u === r || (u.displayName || u.name) === "GeneratorFunction");
		}
		var i = {
			throw: 1,
			return: 2,
			break: 3,
			continue: 3
		};
		function s(o) {
			var u, c;
			return function(f) {
				u || (u = {
					stop: function() {
						return c(f.a, 2);
					},
					catch: function() {
						return f.v;
					},
					abrupt: function(h, _) {
						return c(f.a, i[h], _);
					},
					delegateYield: function(h, _, y) {
						return u.resultName = _, c(f.d, Hp(h), y);
					},
					finish: function(h) {
						return c(f.f, h);
					}
				}, c = function(h, _, y) {
					f.p = u.prev, f.n = u.next;
					try {
						return h(_, y);
					} finally {
						u.next = f.n;
					}
				}), u.resultName && (u[u.resultName] = f.v, u.resultName = void 0), u.sent = f.v, u.next = f.n;
				try {
					return o.call(this, u);
				} finally {
					f.p = u.prev, f.n = u.next;
				}
			};
		}
		return (Lt.exports = Ba = function() {
			return {
				wrap: function(c, f, d, h) {
					return t.w(s(c), f, d, h && h.reverse());
				},
				isGeneratorFunction: n,
				mark: t.m,
				awrap: function(c, f) {
					return new aE(c, f);
				},
				AsyncIterator: fE,
				async: function(c, f, d, h, _) {
					return (n(f) ? cE : lE)(s(c), f, d, h, _);
				},
				keys: dE,
				values: Hp
			};
		}, Lt.exports.__esModule = !0, Lt.exports.default = Lt.exports)();
	}
	Lt.exports = Ba, Lt.exports.__esModule = !0, Lt.exports.default = Lt.exports;
});
var Qp = H((T3, Gp) => {
	x();
	P();
	T();
	var co = zp()();
	Gp.exports = co;
	try {
		regeneratorRuntime = co;
	} catch {
		typeof globalThis == "object" ? globalThis.regeneratorRuntime = co : Function("r", "regeneratorRuntime = r")(co);
	}
});
var Yp = H((fo, Kp) => {
	x();
	P();
	T();
	(function(t, e) {
		typeof fo == "object" && typeof Kp < "u" ? e(fo, Ia(), kp(), Dp(), Fp(), Qp()) : typeof define == "function" && define.amd ? define([
			"exports",
			"fast-unique-numbers",
			"@babel/runtime/helpers/defineProperty",
			"@babel/runtime/helpers/slicedToArray",
			"@babel/runtime/helpers/asyncToGenerator",
			"@babel/runtime/regenerator"
		], e) : (t = typeof globalThis < "u" ? globalThis : t || self, e(t.brokerFactory = {}, t.fastUniqueNumbers, t._defineProperty, t._slicedToArray, t._asyncToGenerator, t._regeneratorRuntime));
	})(fo, (function(t, e, r, n, i, s) {
		"use strict";
		function o(S, b) {
			var m = Object.keys(S);
			if (Object.getOwnPropertySymbols) {
				var w = Object.getOwnPropertySymbols(S);
				b && (w = w.filter(function(R) {
					return Object.getOwnPropertyDescriptor(S, R).enumerable;
				})), m.push.apply(m, w);
			}
			return m;
		}
		function u(S) {
			for (var b = 1; b < arguments.length; b++) {
				var m = arguments[b] != null ? arguments[b] : {};
				b % 2 ? o(Object(m), !0).forEach(function(w) {
					r(S, w, m[w]);
				}) : Object.getOwnPropertyDescriptors ? Object.defineProperties(S, Object.getOwnPropertyDescriptors(m)) : o(Object(m)).forEach(function(w) {
					Object.defineProperty(S, w, Object.getOwnPropertyDescriptor(m, w));
				});
			}
			return S;
		}
		var c = function(b, m, w, R) {
			return function(A) {
				var g = m(A);
				return function(O) {
					var v = b(O);
					O.addEventListener("message", function(ee) {
						var z = ee.data, W = z.id;
						if (W !== null && v.has(W)) {
							var te = v.get(W), Y = te.reject, X = te.resolve;
							v.delete(W), z.error === void 0 ? X(z.result) : Y(new Error(z.error.message));
						}
					}), R(O) && O.start();
					for (var B = function(z) {
						var W = arguments.length > 1 && arguments[1] !== void 0 ? arguments[1] : null, te = arguments.length > 2 && arguments[2] !== void 0 ? arguments[2] : [];
						return new Promise(function(Y, X) {
							var ce = w(v);
							v.set(ce, {
								reject: X,
								resolve: Y
							}), W === null ? O.postMessage({
								id: ce,
								method: z
							}, te) : O.postMessage({
								id: ce,
								method: z,
								params: W
							}, te);
						});
					}, D = function(z, W) {
						var te = arguments.length > 2 && arguments[2] !== void 0 ? arguments[2] : [];
						O.postMessage({
							id: null,
							method: z,
							params: W
						}, te);
					}, L = {}, K = 0, U = Object.entries(g); K < U.length; K++) {
						var $ = n(U[K], 2), G = $[0], J = $[1];
						L = u(u({}, L), {}, r({}, G, J({
							call: B,
							notify: D
						})));
					}
					return u({}, L);
				};
			};
		}, f = function(b) {
			return function(m) {
				if (b.has(m)) return b.get(m);
				var w = /* @__PURE__ */ new Map();
				return b.set(m, w), w;
			};
		};
		function d(S, b) {
			var m = Object.keys(S);
			if (Object.getOwnPropertySymbols) {
				var w = Object.getOwnPropertySymbols(S);
				b && (w = w.filter(function(R) {
					return Object.getOwnPropertyDescriptor(S, R).enumerable;
				})), m.push.apply(m, w);
			}
			return m;
		}
		function h(S) {
			for (var b = 1; b < arguments.length; b++) {
				var m = arguments[b] != null ? arguments[b] : {};
				b % 2 ? d(Object(m), !0).forEach(function(w) {
					r(S, w, m[w]);
				}) : Object.getOwnPropertyDescriptors ? Object.defineProperties(S, Object.getOwnPropertyDescriptors(m)) : d(Object(m)).forEach(function(w) {
					Object.defineProperty(S, w, Object.getOwnPropertyDescriptor(m, w));
				});
			}
			return S;
		}
		var _ = function(b) {
			return function(m) {
				return h(h({}, m), {}, {
					connect: function(R) {
						var A = R.call;
						return i(s.mark(function g() {
							var O, v, B, D;
							return s.wrap(function(L) {
								for (;;) switch (L.prev = L.next) {
									case 0: return O = new MessageChannel(), v = O.port1, B = O.port2, L.next = 1, A("connect", { port: v }, [v]);
									case 1: return D = L.sent, b.set(B, D), L.abrupt("return", B);
									case 2:
									case "end": return L.stop();
								}
							}, g);
						}));
					},
					disconnect: function(R) {
						var A = R.call;
						return (function() {
							var g = i(s.mark(function O(v) {
								var B;
								return s.wrap(function(D) {
									for (;;) switch (D.prev = D.next) {
										case 0:
											if (B = b.get(v), B !== void 0) {
												D.next = 1;
												break;
											}
											throw new Error("The given port is not connected.");
										case 1: return D.next = 2, A("disconnect", { portId: B });
										case 2:
										case "end": return D.stop();
									}
								}, O);
							}));
							return function(O) {
								return g.apply(this, arguments);
							};
						})();
					},
					isSupported: function(R) {
						var A = R.call;
						return function() {
							return A("isSupported");
						};
					}
				});
			};
		}, y = function(b) {
			return typeof b.start == "function";
		};
		t.createBroker = c(f(/* @__PURE__ */ new WeakMap()), _(/* @__PURE__ */ new WeakMap()), e.generateUniqueNumber, y);
	}));
});
var Xp = H((ho, Jp) => {
	x();
	P();
	T();
	(function(t, e) {
		typeof ho == "object" && typeof Jp < "u" ? e(ho, Yp(), Ia(), qn()) : typeof define == "function" && define.amd ? define([
			"exports",
			"broker-factory",
			"fast-unique-numbers",
			"@babel/runtime/helpers/typeof"
		], e) : (t = typeof globalThis < "u" ? globalThis : t || self, e(t.workerTimersBroker = {}, t.brokerFactory, t.fastUniqueNumbers, t._typeof));
	})(ho, (function(t, e, r, n) {
		"use strict";
		var i = function(m) {
			return function(w) {
				return function(R) {
					n(m.get(R)) === "symbol" && (m.set(R, null), w(R).then(function() {
						m.delete(R);
					}));
				};
			};
		}, s = function(m) {
			return function(w) {
				return function(R) {
					n(m.get(R)) === "symbol" && (m.set(R, null), w(R).then(function() {
						m.delete(R);
					}));
				};
			};
		}, o = function(m, w) {
			return function(R) {
				return function(A) {
					for (var g = arguments.length > 1 && arguments[1] !== void 0 ? arguments[1] : 0, O = arguments.length, v = new Array(O > 2 ? O - 2 : 0), B = 2; B < O; B++) v[B - 2] = arguments[B];
					var D = Symbol(), L = m(w);
					w.set(L, D);
					var K = function() {
						return R(g, L).then(function() {
							var $ = w.get(L);
							if ($ === void 0) throw new Error("The timer is in an undefined state.");
							$ === D && (A.apply(void 0, v), w.get(L) === D && K());
						});
					};
					return K(), L;
				};
			};
		}, u = function(m, w) {
			return function(R) {
				return function(A) {
					for (var g = arguments.length > 1 && arguments[1] !== void 0 ? arguments[1] : 0, O = arguments.length, v = new Array(O > 2 ? O - 2 : 0), B = 2; B < O; B++) v[B - 2] = arguments[B];
					var D = Symbol(), L = m(w);
					return w.set(L, D), R(g, L).then(function() {
						var K = w.get(L);
						if (K === void 0) throw new Error("The timer is in an undefined state.");
						K === D && (w.delete(L), A.apply(void 0, v));
					}), L;
				};
			};
		}, c = /* @__PURE__ */ new Map([[0, null]]), f = /* @__PURE__ */ new Map([[0, null]]), d = i(c), h = s(f), _ = o(r.generateUniqueNumber, c), y = u(r.generateUniqueNumber, f), I = e.createBroker({
			clearInterval: function(m) {
				var w = m.call;
				return d(function(R) {
					return w("clear", {
						timerId: R,
						timerType: "interval"
					});
				});
			},
			clearTimeout: function(m) {
				var w = m.call;
				return h(function(R) {
					return w("clear", {
						timerId: R,
						timerType: "timeout"
					});
				});
			},
			setInterval: function(m) {
				var w = m.call;
				return _(function(R, A) {
					return w("set", {
						delay: R,
						now: performance.timeOrigin + performance.now(),
						timerId: A,
						timerType: "interval"
					});
				});
			},
			setTimeout: function(m) {
				var w = m.call;
				return y(function(R, A) {
					return w("set", {
						delay: R,
						now: performance.timeOrigin + performance.now(),
						timerId: A,
						timerType: "timeout"
					});
				});
			}
		}), S = function(m) {
			return I(new Worker(m));
		};
		t.load = S, t.wrap = I;
	}));
});
var eg = H((po, Zp) => {
	x();
	P();
	T();
	(function(t, e) {
		typeof po == "object" && typeof Zp < "u" ? e(po, Xp()) : typeof define == "function" && define.amd ? define(["exports", "worker-timers-broker"], e) : (t = typeof globalThis < "u" ? globalThis : t || self, e(t.workerTimers = {}, t.workerTimersBroker));
	})(po, (function(t, e) {
		"use strict";
		var r = function(d, h) {
			var _ = null;
			return function() {
				if (_ !== null) return _;
				var y = new Blob([h], { type: "application/javascript; charset=utf-8" }), I = URL.createObjectURL(y);
				return _ = d(I), setTimeout(function() {
					return URL.revokeObjectURL(I);
				}), _;
			};
		}, i = r(e.load, `(()=>{var e={389(e,t){!function(e){"use strict";var t=function(e){return function(t){var r=e(t);return t.add(r),r}},r=function(e){return function(t,r){return e.set(t,r),r}},n=void 0===Number.MAX_SAFE_INTEGER?9007199254740991:Number.MAX_SAFE_INTEGER,o=536870912,u=2*o,a=function(e,t){return function(r){var a=t.get(r),i=void 0===a?r.size:a<u?a+1:0;if(!r.has(i))return e(r,i);if(r.size<o){for(;r.has(i);)i=Math.floor(Math.random()*u);return e(r,i)}if(r.size>n)throw new Error("Congratulations, you created a collection of unique numbers which uses all available integers!");for(;r.has(i);)i=Math.floor(Math.random()*n);return e(r,i)}},i=new WeakMap,s=r(i),c=a(s,i),f=t(c);e.addUniqueNumber=f,e.generateUniqueNumber=c}(t)},623(e,t,r){!function(e,t,r,n,o){"use strict";var u={INTERNAL_ERROR:-32603,INVALID_PARAMS:-32602,METHOD_NOT_FOUND:-32601},a=function(e,t){return Object.assign(new Error(e),{status:t})},i=function(e){return a('The requested method called "'.concat(e,'" is not supported.'),u.METHOD_NOT_FOUND)},s=function(e){return a('The handler of the method called "'.concat(e,'" returned no required result.'),u.INTERNAL_ERROR)},c=function(e){return a('The handler of the method called "'.concat(e,'" returned an unexpected result.'),u.INTERNAL_ERROR)},f=function(e){return a('The specified parameter called "portId" with the given value "'.concat(e,'" does not identify a port connected to this worker.'),u.INVALID_PARAMS)},l=function(e,n){return function(){var o=t(r.mark(function t(o){var u,a,f,l,p,d,v,x,y,b,h,m,_,g,w;return r.wrap(function(t){for(;;)switch(t.prev=t.next){case 0:if(u=o.data,a=u.id,f=u.method,l=u.params,p=n[f],t.prev=1,void 0!==p){t.next=2;break}throw i(f);case 2:if(void 0!==(d=void 0===l?p():p(l))){t.next=3;break}throw s(f);case 3:if(!(d instanceof Promise)){t.next=5;break}return t.next=4,d;case 4:g=t.sent,t.next=6;break;case 5:g=d;case 6:if(v=g,null!==a){t.next=8;break}if(void 0===v.result){t.next=7;break}throw c(f);case 7:t.next=10;break;case 8:if(void 0!==v.result){t.next=9;break}throw c(f);case 9:x=v.result,y=v.transferables,b=void 0===y?[]:y,e.postMessage({id:a,result:x},b);case 10:t.next=12;break;case 11:t.prev=11,w=t.catch(1),h=w.message,m=w.status,_=void 0===m?-32603:m,e.postMessage({error:{code:_,message:h},id:a});case 12:case"end":return t.stop()}},t,null,[[1,11]])}));return function(e){return o.apply(this,arguments)}}()},p=function(){return new Promise(function(e){var t=new ArrayBuffer(0),r=new MessageChannel,n=r.port1,o=r.port2;n.onmessage=function(t){var r=t.data;return e(null!==r)},o.postMessage(t,[t])})};function d(e,t){var r=Object.keys(e);if(Object.getOwnPropertySymbols){var n=Object.getOwnPropertySymbols(e);t&&(n=n.filter(function(t){return Object.getOwnPropertyDescriptor(e,t).enumerable})),r.push.apply(r,n)}return r}function v(e){for(var t=1;t<arguments.length;t++){var r=null!=arguments[t]?arguments[t]:{};t%2?d(Object(r),!0).forEach(function(t){n(e,t,r[t])}):Object.getOwnPropertyDescriptors?Object.defineProperties(e,Object.getOwnPropertyDescriptors(r)):d(Object(r)).forEach(function(t){Object.defineProperty(e,t,Object.getOwnPropertyDescriptor(r,t))})}return e}var x=new Map,y=function(e,n,u){return v(v({},n),{},{connect:function(t){var r=t.port;r.start();var u=e(r,n),a=o.generateUniqueNumber(x);return x.set(a,function(){u(),r.close(),x.delete(a)}),{result:a}},disconnect:function(e){var t=e.portId,r=x.get(t);if(void 0===r)throw f(t);return r(),{result:null}},isSupported:function(){var e=t(r.mark(function e(){var t,n,o;return r.wrap(function(e){for(;;)switch(e.prev=e.next){case 0:return e.next=1,p();case 1:if(!e.sent){e.next=5;break}if(!((t=u())instanceof Promise)){e.next=3;break}return e.next=2,t;case 2:o=e.sent,e.next=4;break;case 3:o=t;case 4:return n=o,e.abrupt("return",{result:n});case 5:return e.abrupt("return",{result:!1});case 6:case"end":return e.stop()}},e)}));function n(){return e.apply(this,arguments)}return n}()})},b=function(e,t){var r=y(b,t,arguments.length>2&&void 0!==arguments[2]?arguments[2]:function(){return!0}),n=l(e,r);return e.addEventListener("message",n),function(){return e.removeEventListener("message",n)}};e.createWorker=b,e.isSupported=p}(t,r(293),r(756),r(693),r(389))},472(e,t,r){!function(e,t,r,n){"use strict";var o=function(e,t){return function(r){var o=t.get(r);if(void 0===o)return Promise.resolve(!1);var u=n(o,2),a=u[0],i=u[1];return e(a),t.delete(r),i(!1),Promise.resolve(!0)}},u=function(e,t){var r=function(n,o,u,a){var i=n-e.now();i>0?o.set(a,[t(r,i,n,o,u,a),u]):(o.delete(a),u(!0))};return r},a=function(e,t,r,n){return function(o,u,a){var i=o+u-t.timeOrigin,s=i-t.now();return new Promise(function(t){e.set(a,[r(n,s,i,e,t,a),t])})}},i=new Map,s=o(globalThis.clearTimeout,i),c=new Map,f=o(globalThis.clearTimeout,c),l=u(performance,globalThis.setTimeout),p=a(i,performance,globalThis.setTimeout,l),d=a(c,performance,globalThis.setTimeout,l);r.createWorker(self,{clear:function(){var r=e(t.mark(function e(r){var n,o,u;return t.wrap(function(e){for(;;)switch(e.prev=e.next){case 0:return n=r.timerId,o=r.timerType,e.next=1,"interval"===o?s(n):f(n);case 1:return u=e.sent,e.abrupt("return",{result:u});case 2:case"end":return e.stop()}},e)}));function n(e){return r.apply(this,arguments)}return n}(),set:function(){var r=e(t.mark(function e(r){var n,o,u,a,i;return t.wrap(function(e){for(;;)switch(e.prev=e.next){case 0:return n=r.delay,o=r.now,u=r.timerId,a=r.timerType,e.next=1,("interval"===a?p:d)(n,o,u);case 1:return i=e.sent,e.abrupt("return",{result:i});case 2:case"end":return e.stop()}},e)}));function n(e){return r.apply(this,arguments)}return n}()})}(r(293),r(756),r(623),r(715))},172(e){e.exports=function(e,t){this.v=e,this.k=t},e.exports.__esModule=!0,e.exports.default=e.exports},79(e){e.exports=function(e,t){(null==t||t>e.length)&&(t=e.length);for(var r=0,n=Array(t);r<t;r++)n[r]=e[r];return n},e.exports.__esModule=!0,e.exports.default=e.exports},987(e){e.exports=function(e){if(Array.isArray(e))return e},e.exports.__esModule=!0,e.exports.default=e.exports},293(e){function t(e,t,r,n,o,u,a){try{var i=e[u](a),s=i.value}catch(e){return void r(e)}i.done?t(s):Promise.resolve(s).then(n,o)}e.exports=function(e){return function(){var r=this,n=arguments;return new Promise(function(o,u){var a=e.apply(r,n);function i(e){t(a,o,u,i,s,"next",e)}function s(e){t(a,o,u,i,s,"throw",e)}i(void 0)})}},e.exports.__esModule=!0,e.exports.default=e.exports},693(e,t,r){var n=r(736);e.exports=function(e,t,r){return(t=n(t))in e?Object.defineProperty(e,t,{value:r,enumerable:!0,configurable:!0,writable:!0}):e[t]=r,e},e.exports.__esModule=!0,e.exports.default=e.exports},156(e){e.exports=function(e,t){var r=null==e?null:"undefined"!=typeof Symbol&&e[Symbol.iterator]||e["@@iterator"];if(null!=r){var n,o,u,a,i=[],s=!0,c=!1;try{if(u=(r=r.call(e)).next,0===t){if(Object(r)!==r)return;s=!1}else for(;!(s=(n=u.call(r)).done)&&(i.push(n.value),i.length!==t);s=!0);}catch(e){c=!0,o=e}finally{try{if(!s&&null!=r.return&&(a=r.return(),Object(a)!==a))return}finally{if(c)throw o}}return i}},e.exports.__esModule=!0,e.exports.default=e.exports},752(e){e.exports=function(){throw new TypeError("Invalid attempt to destructure non-iterable instance.\\nIn order to be iterable, non-array objects must have a [Symbol.iterator]() method.")},e.exports.__esModule=!0,e.exports.default=e.exports},993(e,t,r){var n=r(546);function o(){var t,r,u="function"==typeof Symbol?Symbol:{},a=u.iterator||"@@iterator",i=u.toStringTag||"@@toStringTag";function s(e,o,u,a){var i=o&&o.prototype instanceof f?o:f,s=Object.create(i.prototype);return n(s,"_invoke",function(e,n,o){var u,a,i,s=0,f=o||[],l=!1,p={p:0,n:0,v:t,a:d,f:d.bind(t,4),d:function(e,r){return u=e,a=0,i=t,p.n=r,c}};function d(e,n){for(a=e,i=n,r=0;!l&&s&&!o&&r<f.length;r++){var o,u=f[r],d=p.p,v=u[2];e>3?(o=v===n)&&(i=u[(a=u[4])?5:(a=3,3)],u[4]=u[5]=t):u[0]<=d&&((o=e<2&&d<u[1])?(a=0,p.v=n,p.n=u[1]):d<v&&(o=e<3||u[0]>n||n>v)&&(u[4]=e,u[5]=n,p.n=v,a=0))}if(o||e>1)return c;throw l=!0,n}return function(o,f,v){if(s>1)throw TypeError("Generator is already running");for(l&&1===f&&d(f,v),a=f,i=v;(r=a<2?t:i)||!l;){u||(a?a<3?(a>1&&(p.n=-1),d(a,i)):p.n=i:p.v=i);try{if(s=2,u){if(a||(o="next"),r=u[o]){if(!(r=r.call(u,i)))throw TypeError("iterator result is not an object");if(!r.done)return r;i=r.value,a<2&&(a=0)}else 1===a&&(r=u.return)&&r.call(u),a<2&&(i=TypeError("The iterator does not provide a '"+o+"' method"),a=1);u=t}else if((r=(l=p.n<0)?i:e.call(n,p))!==c)break}catch(e){u=t,a=1,i=e}finally{s=1}}return{value:r,done:l}}}(e,u,a),!0),s}var c={};function f(){}function l(){}function p(){}r=Object.getPrototypeOf;var d=[][a]?r(r([][a]())):(n(r={},a,function(){return this}),r),v=p.prototype=f.prototype=Object.create(d);function x(e){return Object.setPrototypeOf?Object.setPrototypeOf(e,p):(e.__proto__=p,n(e,i,"GeneratorFunction")),e.prototype=Object.create(v),e}return l.prototype=p,n(v,"constructor",p),n(p,"constructor",l),l.displayName="GeneratorFunction",n(p,i,"GeneratorFunction"),n(v),n(v,i,"Generator"),n(v,a,function(){return this}),n(v,"toString",function(){return"[object Generator]"}),(e.exports=o=function(){return{w:s,m:x}},e.exports.__esModule=!0,e.exports.default=e.exports)()}e.exports=o,e.exports.__esModule=!0,e.exports.default=e.exports},869(e,t,r){var n=r(887);e.exports=function(e,t,r,o,u){var a=n(e,t,r,o,u);return a.next().then(function(e){return e.done?e.value:a.next()})},e.exports.__esModule=!0,e.exports.default=e.exports},887(e,t,r){var n=r(993),o=r(791);e.exports=function(e,t,r,u,a){return new o(n().w(e,t,r,u),a||Promise)},e.exports.__esModule=!0,e.exports.default=e.exports},791(e,t,r){var n=r(172),o=r(546);e.exports=function e(t,r){function u(e,o,a,i){try{var s=t[e](o),c=s.value;return c instanceof n?r.resolve(c.v).then(function(e){u("next",e,a,i)},function(e){u("throw",e,a,i)}):r.resolve(c).then(function(e){s.value=e,a(s)},function(e){return u("throw",e,a,i)})}catch(e){i(e)}}var a;this.next||(o(e.prototype),o(e.prototype,"function"==typeof Symbol&&Symbol.asyncIterator||"@asyncIterator",function(){return this})),o(this,"_invoke",function(e,t,n){function o(){return new r(function(t,r){u(e,n,t,r)})}return a=a?a.then(o,o):o()},!0)},e.exports.__esModule=!0,e.exports.default=e.exports},546(e){function t(r,n,o,u){var a=Object.defineProperty;try{a({},"",{})}catch(r){a=0}e.exports=t=function(e,r,n,o){function u(r,n){t(e,r,function(e){return this._invoke(r,n,e)})}r?a?a(e,r,{value:n,enumerable:!o,configurable:!o,writable:!o}):e[r]=n:(u("next",0),u("throw",1),u("return",2))},e.exports.__esModule=!0,e.exports.default=e.exports,t(r,n,o,u)}e.exports=t,e.exports.__esModule=!0,e.exports.default=e.exports},373(e){e.exports=function(e){var t=Object(e),r=[];for(var n in t)r.unshift(n);return function e(){for(;r.length;)if((n=r.pop())in t)return e.value=n,e.done=!1,e;return e.done=!0,e}},e.exports.__esModule=!0,e.exports.default=e.exports},633(e,t,r){var n=r(172),o=r(993),u=r(869),a=r(887),i=r(791),s=r(373),c=r(579);function f(){"use strict";var t=o(),r=t.m(f),l=(Object.getPrototypeOf?Object.getPrototypeOf(r):r.__proto__).constructor;function p(e){var t="function"==typeof e&&e.constructor;return!!t&&(t===l||"GeneratorFunction"===(t.displayName||t.name))}var d={throw:1,return:2,break:3,continue:3};function v(e){var t,r;return function(n){t||(t={stop:function(){return r(n.a,2)},catch:function(){return n.v},abrupt:function(e,t){return r(n.a,d[e],t)},delegateYield:function(e,o,u){return t.resultName=o,r(n.d,c(e),u)},finish:function(e){return r(n.f,e)}},r=function(e,r,o){n.p=t.prev,n.n=t.next;try{return e(r,o)}finally{t.next=n.n}}),t.resultName&&(t[t.resultName]=n.v,t.resultName=void 0),t.sent=n.v,t.next=n.n;try{return e.call(this,t)}finally{n.p=t.prev,n.n=t.next}}}return(e.exports=f=function(){return{wrap:function(e,r,n,o){return t.w(v(e),r,n,o&&o.reverse())},isGeneratorFunction:p,mark:t.m,awrap:function(e,t){return new n(e,t)},AsyncIterator:i,async:function(e,t,r,n,o){return(p(t)?a:u)(v(e),t,r,n,o)},keys:s,values:c}},e.exports.__esModule=!0,e.exports.default=e.exports)()}e.exports=f,e.exports.__esModule=!0,e.exports.default=e.exports},579(e,t,r){var n=r(738).default;e.exports=function(e){if(null!=e){var t=e["function"==typeof Symbol&&Symbol.iterator||"@@iterator"],r=0;if(t)return t.call(e);if("function"==typeof e.next)return e;if(!isNaN(e.length))return{next:function(){return e&&r>=e.length&&(e=void 0),{value:e&&e[r++],done:!e}}}}throw new TypeError(n(e)+" is not iterable")},e.exports.__esModule=!0,e.exports.default=e.exports},715(e,t,r){var n=r(987),o=r(156),u=r(122),a=r(752);e.exports=function(e,t){return n(e)||o(e,t)||u(e,t)||a()},e.exports.__esModule=!0,e.exports.default=e.exports},45(e,t,r){var n=r(738).default;e.exports=function(e,t){if("object"!=n(e)||!e)return e;var r=e[Symbol.toPrimitive];if(void 0!==r){var o=r.call(e,t||"default");if("object"!=n(o))return o;throw new TypeError("@@toPrimitive must return a primitive value.")}return("string"===t?String:Number)(e)},e.exports.__esModule=!0,e.exports.default=e.exports},736(e,t,r){var n=r(738).default,o=r(45);e.exports=function(e){var t=o(e,"string");return"symbol"==n(t)?t:t+""},e.exports.__esModule=!0,e.exports.default=e.exports},738(e){function t(r){return e.exports=t="function"==typeof Symbol&&"symbol"==typeof Symbol.iterator?function(e){return typeof e}:function(e){return e&&"function"==typeof Symbol&&e.constructor===Symbol&&e!==Symbol.prototype?"symbol":typeof e},e.exports.__esModule=!0,e.exports.default=e.exports,t(r)}e.exports=t,e.exports.__esModule=!0,e.exports.default=e.exports},122(e,t,r){var n=r(79);e.exports=function(e,t){if(e){if("string"==typeof e)return n(e,t);var r={}.toString.call(e).slice(8,-1);return"Object"===r&&e.constructor&&(r=e.constructor.name),"Map"===r||"Set"===r?Array.from(e):"Arguments"===r||/^(?:Ui|I)nt(?:8|16|32)(?:Clamped)?Array$/.test(r)?n(e,t):void 0}},e.exports.__esModule=!0,e.exports.default=e.exports},756(e,t,r){var n=r(633)();e.exports=n;try{regeneratorRuntime=n}catch(e){"object"==typeof globalThis?globalThis.regeneratorRuntime=n:Function("r","regeneratorRuntime = r")(n)}}},t={};function r(n){var o=t[n];if(void 0!==o)return o.exports;var u=t[n]={exports:{}};return e[n].call(u.exports,u,u.exports,r),u.exports}r.n=e=>{var t=e&&e.__esModule?()=>e.default:()=>e;return r.d(t,{a:t}),t},r.d=(e,t)=>{for(var n in t)r.o(t,n)&&!r.o(e,n)&&Object.defineProperty(e,n,{enumerable:!0,get:t[n]})},r.o=(e,t)=>Object.prototype.hasOwnProperty.call(e,t),(()=>{"use strict";r(472)})()})();`), s = function(d) {
			return i().clearInterval(d);
		}, o = function(d) {
			return i().clearTimeout(d);
		}, u = function() {
			var d;
			return (d = i()).setInterval.apply(d, arguments);
		}, c = function() {
			var d;
			return (d = i()).setTimeout.apply(d, arguments);
		};
		t.clearInterval = s, t.clearTimeout = o, t.setInterval = u, t.setTimeout = c;
	}));
});
var ei = H((Ir) => {
	"use strict";
	x();
	P();
	T();
	Object.defineProperty(Ir, "__esModule", { value: !0 });
	Ir.isReactNativeBrowser = Ir.isWebWorker = void 0;
	var hE = () => typeof window < "u" ? typeof navigator < "u" && navigator.userAgent?.toLowerCase().indexOf(" electron/") > -1 && q?.versions ? !Object.prototype.hasOwnProperty.call(q.versions, "electron") : typeof window.document < "u" : !1, tg = () => !!(typeof self == "object" && self?.constructor?.name?.includes("WorkerGlobalScope") && typeof Deno > "u"), rg = () => typeof navigator < "u" && navigator.product === "ReactNative", pE = hE() || tg() || rg();
	Ir.isWebWorker = tg();
	Ir.isReactNativeBrowser = rg();
	Ir.default = pE;
});
var sg = H((qt) => {
	"use strict";
	x();
	P();
	T();
	var gE = qt && qt.__createBinding || (Object.create ? (function(t, e, r, n) {
		n === void 0 && (n = r);
		var i = Object.getOwnPropertyDescriptor(e, r);
		(!i || ("get" in i ? !e.__esModule : i.writable || i.configurable)) && (i = {
			enumerable: !0,
			get: function() {
				return e[r];
			}
		}), Object.defineProperty(t, n, i);
	}) : (function(t, e, r, n) {
		n === void 0 && (n = r), t[n] = e[r];
	})), yE = qt && qt.__setModuleDefault || (Object.create ? (function(t, e) {
		Object.defineProperty(t, "default", {
			enumerable: !0,
			value: e
		});
	}) : function(t, e) {
		t.default = e;
	}), bE = qt && qt.__importStar || (function() {
		var t = function(e) {
			return t = Object.getOwnPropertyNames || function(r) {
				var n = [];
				for (var i in r) Object.prototype.hasOwnProperty.call(r, i) && (n[n.length] = i);
				return n;
			}, t(e);
		};
		return function(e) {
			if (e && e.__esModule) return e;
			var r = {};
			if (e != null) for (var n = t(e), i = 0; i < n.length; i++) n[i] !== "default" && gE(r, e, n[i]);
			return yE(r, e), r;
		};
	})();
	Object.defineProperty(qt, "__esModule", { value: !0 });
	var ng = eg(), Na = bE(ei()), ig = {
		set: ng.setInterval,
		clear: ng.clearInterval
	}, og = {
		set: (t, e) => setInterval(t, e),
		clear: (t) => clearInterval(t)
	}, mE = (t) => {
		switch (t) {
			case "native": return og;
			case "worker": return ig;
			default: return Na.default && !Na.isWebWorker && !Na.isReactNativeBrowser ? ig : og;
		}
	};
	qt.default = mE;
});
var qa = H((ti) => {
	"use strict";
	x();
	P();
	T();
	var _E = ti && ti.__importDefault || function(t) {
		return t && t.__esModule ? t : { default: t };
	};
	Object.defineProperty(ti, "__esModule", { value: !0 });
	var wE = _E(sg()), La = class {
		_keepalive;
		timerId;
		timer;
		destroyed = !1;
		counter;
		client;
		_keepaliveTimeoutTimestamp;
		_intervalEvery;
		get keepaliveTimeoutTimestamp() {
			return this._keepaliveTimeoutTimestamp;
		}
		get intervalEvery() {
			return this._intervalEvery;
		}
		get keepalive() {
			return this._keepalive;
		}
		constructor(e, r) {
			this.client = e, this.timer = typeof r == "object" && "set" in r && "clear" in r ? r : (0, wE.default)(r), this.setKeepalive(e.keepalive);
		}
		clear() {
			this.timerId && (this.timer.clear(this.timerId), this.timerId = null);
		}
		setKeepalive(e) {
			if (e *= 1e3, isNaN(e) || e <= 0 || e > 2147483647) throw new Error(`Keepalive value must be an integer between 0 and 2147483647. Provided value is ${e}`);
			this._keepalive = e, this.reschedule(), this.client.log(`KeepaliveManager: set keepalive to ${e}ms`);
		}
		destroy() {
			this.clear(), this.destroyed = !0;
		}
		reschedule() {
			if (this.destroyed) return;
			this.clear(), this.counter = 0;
			let e = Math.ceil(this._keepalive * 1.5);
			this._keepaliveTimeoutTimestamp = Date.now() + e, this._intervalEvery = Math.ceil(this._keepalive / 2), this.timerId = this.timer.set(() => {
				this.destroyed || (this.counter += 1, this.counter === 2 ? this.client.sendPing() : this.counter > 2 && this.client.onKeepaliveTimeout());
			}, this._intervalEvery);
		}
	};
	ti.default = La;
});
var yo = H((ft) => {
	"use strict";
	x();
	P();
	T();
	var vE = ft && ft.__createBinding || (Object.create ? (function(t, e, r, n) {
		n === void 0 && (n = r);
		var i = Object.getOwnPropertyDescriptor(e, r);
		(!i || ("get" in i ? !e.__esModule : i.writable || i.configurable)) && (i = {
			enumerable: !0,
			get: function() {
				return e[r];
			}
		}), Object.defineProperty(t, n, i);
	}) : (function(t, e, r, n) {
		n === void 0 && (n = r), t[n] = e[r];
	})), SE = ft && ft.__setModuleDefault || (Object.create ? (function(t, e) {
		Object.defineProperty(t, "default", {
			enumerable: !0,
			value: e
		});
	}) : function(t, e) {
		t.default = e;
	}), dg = ft && ft.__importStar || (function() {
		var t = function(e) {
			return t = Object.getOwnPropertyNames || function(r) {
				var n = [];
				for (var i in r) Object.prototype.hasOwnProperty.call(r, i) && (n[n.length] = i);
				return n;
			}, t(e);
		};
		return function(e) {
			if (e && e.__esModule) return e;
			var r = {};
			if (e != null) for (var n = t(e), i = 0; i < n.length; i++) n[i] !== "default" && vE(r, e, n[i]);
			return SE(r, e), r;
		};
	})(), rr = ft && ft.__importDefault || function(t) {
		return t && t.__esModule ? t : { default: t };
	};
	Object.defineProperty(ft, "__esModule", { value: !0 });
	var Da = rr(ip()), EE = Yt(), ag = rr(up()), AE = rr(Xt()), ug = dg(ia()), on = rr(aa()), IE = rr(Ap()), xE = Mn(), TE = rr(Sa()), PE = rr(Ip()), xr = Ct(), OE = xp(), RE = rr(qa()), lg = dg(ei()), Ua = globalThis.setImmediate || ((...t) => {
		let e = t.shift();
		(0, xr.nextTick)(() => {
			e(...t);
		});
	}), go = 65535, cg = 147, fg = {
		keepalive: 60,
		reschedulePings: !0,
		protocolId: "MQTT",
		protocolVersion: 4,
		reconnectPeriod: 1e3,
		connectTimeout: 3e4,
		clean: !0,
		resubscribe: !0,
		subscribeBatchSize: null,
		writeCache: !0,
		timerVariant: "auto"
	};
	ft.default = class t extends OE.TypedEventEmitter {
		static VERSION = xr.MQTTJS_VERSION;
		connected;
		disconnecting;
		disconnected;
		reconnecting;
		incomingStore;
		outgoingStore;
		options;
		queueQoSZero;
		_reconnectCount;
		log;
		messageIdProvider;
		outgoing;
		messageIdToTopic;
		noop;
		keepaliveManager;
		stream;
		queue;
		streamBuilder;
		_resubscribeTopics;
		connackTimer;
		reconnectTimer;
		_storeProcessing;
		_packetIdsDuringStoreProcessing;
		_storeProcessingQueue;
		_firstConnection;
		topicAliasRecv;
		topicAliasSend;
		_incomingQoS2Ids;
		_receiveMaximum;
		_deferredReconnect;
		_currentPump;
		connackReceived;
		reconnectSuppressed;
		_authenticationMethod;
		connackPacket;
		_serverProperties;
		static defaultId() {
			return `mqttjs_${Math.random().toString(16).substr(2, 8)}`;
		}
		constructor(e, r) {
			super(), this.options = r || {};
			for (let i in fg) typeof this.options[i] > "u" ? this.options[i] = fg[i] : this.options[i] = r[i];
			this.log = this.options.log || (0, AE.default)("mqttjs:client"), this.noop = this._noop.bind(this), this.log("MqttClient :: version:", t.VERSION), lg.isWebWorker ? this.log("MqttClient :: environment", "webworker") : this.log("MqttClient :: environment", lg.default ? "browser" : "node"), this.log("MqttClient :: options.protocol", r.protocol), this.log("MqttClient :: options.protocolVersion", r.protocolVersion), this.log("MqttClient :: options.username", r.username), this.log("MqttClient :: options.keepalive", r.keepalive), this.log("MqttClient :: options.reconnectPeriod", r.reconnectPeriod), this.log("MqttClient :: options.rejectUnauthorized", r.rejectUnauthorized), this.log("MqttClient :: options.properties.topicAliasMaximum", r.properties ? r.properties.topicAliasMaximum : void 0), this.options.clientId = typeof r.clientId == "string" ? r.clientId : t.defaultId(), this.log("MqttClient :: clientId", this.options.clientId), this.options.customHandleAcks = r.protocolVersion === 5 && r.customHandleAcks ? r.customHandleAcks : (...i) => {
				i[3](null, 0);
			}, this.options.writeCache || (Da.default.writeToStream.cacheNumbers = !1), this.streamBuilder = e, this.messageIdProvider = typeof this.options.messageIdProvider > "u" ? new TE.default() : this.options.messageIdProvider, this.outgoingStore = r.outgoingStore || new on.default(), this.incomingStore = r.incomingStore || new on.default(), this._incomingQoS2Ids = /* @__PURE__ */ new Set(), this._receiveMaximum = go;
			let n = r.properties?.receiveMaximum;
			n !== void 0 && (Number.isInteger(n) && n >= 1 && n <= go ? this._receiveMaximum = n : this.log("MqttClient :: options.properties.receiveMaximum %o is not an integer between 1 and %d, enforcing and advertising %d instead", n, go, go)), this.queueQoSZero = r.queueQoSZero === void 0 ? !0 : r.queueQoSZero, this._resubscribeTopics = {}, this.messageIdToTopic = {}, this.keepaliveManager = null, this.connected = !1, this.disconnecting = !1, this.reconnecting = !1, this.queue = [], this.connackTimer = null, this.connackReceived = !1, this.reconnectSuppressed = !1, this.reconnectTimer = null, this._storeProcessing = !1, this._packetIdsDuringStoreProcessing = {}, this._storeProcessingQueue = [], this.outgoing = {}, this._firstConnection = !0, r.properties && r.properties.topicAliasMaximum > 0 && (r.properties.topicAliasMaximum > 65535 ? this.log("MqttClient :: options.properties.topicAliasMaximum is out of range") : this.topicAliasRecv = new PE.default(r.properties.topicAliasMaximum)), this.on("connect", () => {
				let { queue: i } = this, s = () => {
					let o = i.shift();
					this.log("deliver :: entry %o", o);
					let u = null;
					if (!o) {
						this._resubscribe();
						return;
					}
					u = o.packet, this.log("deliver :: call _sendPacket for %o", u);
					let c = !0;
					u.messageId && u.messageId !== 0 && (this.messageIdProvider.register(u.messageId) || (c = !1)), c ? this._sendPacket(u, (f) => {
						o.cb && o.cb(f), s();
					}) : (this.log("messageId: %d has already used. The message is skipped and removed.", u.messageId), s());
				};
				this.log("connect :: sending queued packets"), s();
			}), this.on("close", () => {
				this.log("close :: connected set to `false`"), this.connected = !1, this.log("close :: clearing connackTimer"), clearTimeout(this.connackTimer), this._destroyKeepaliveManager(), this._serverProperties = void 0, this.topicAliasRecv && this.topicAliasRecv.clear(), this.log("close :: calling _setupReconnect"), this._setupReconnect();
			}), this.options.manualConnect || (this.log("MqttClient :: setting up stream"), this.connect());
		}
		handleAuth(e, r) {
			r();
		}
		handleMessage(e, r) {
			r();
		}
		_nextId() {
			return this.messageIdProvider.allocate();
		}
		getLastMessageId() {
			return this.messageIdProvider.getLastAllocated();
		}
		_trackIncomingQoS2Publish(e, r, n) {
			return this._incomingQoS2Ids.has(e) ? !0 : this.options.protocolVersion === 5 && this._incomingQoS2Ids.size >= this._receiveMaximum ? (this.log("_trackIncomingQoS2Publish :: inbound QoS 2 messages exceeded receiveMaximum %d", this._receiveMaximum), n?.discardParsedPackets(), (!n || n.isCurrent()) && this._cleanUp(!0), r(), this.emit("error", new xr.ErrorWithReasonCode(`${xE.ReasonCodes[cg]}: ${this._incomingQoS2Ids.size + 1} inbound QoS 2 messages in flight, receiveMaximum is ${this._receiveMaximum}`, cg)), !1) : (this._incomingQoS2Ids.add(e), !0);
		}
		_releaseIncomingQoS2Publish(e) {
			this._incomingQoS2Ids.delete(e);
		}
		_discardIncomingQoS2State() {
			if (this._incomingQoS2Ids.size !== 0) {
				this.log("_discardIncomingQoS2State :: session not resumed, dropping %d inbound QoS 2 message(s)", this._incomingQoS2Ids.size);
				for (let e of this._incomingQoS2Ids) this.incomingStore.del({ messageId: e }, this.noop);
				this._incomingQoS2Ids.clear();
			}
		}
		connect() {
			let e = new EE.Writable(), r = Da.default.parser(this.options), n = null, i = [], s = {
				discardParsedPackets: () => {
					i.length = 0;
				},
				isCurrent: () => this._currentPump === s
			};
			this._currentPump = s, this.connackReceived = !1, this.reconnectSuppressed = !1, this.log("connect :: calling method to clear reconnect"), this._clearReconnect(), this._serverProperties = void 0, this.disconnected && !this.reconnecting && (this.incomingStore = this.options.incomingStore || new on.default(), this.outgoingStore = this.options.outgoingStore || new on.default(), this._incomingQoS2Ids.clear(), this.disconnecting = !1, this.disconnected = !1), this.log("connect :: using streamBuilder provided to client to create stream"), this.stream = this.streamBuilder(this), r.on("packet", (d) => {
				this.log("parser :: on packet push to packets array."), i.push(d);
			});
			let o = () => {
				this.log("work :: getting next packet in queue"), this._currentPump !== s && (this.log("work :: pump superseded, dropping %d queued packets", i.length), i.length = 0);
				let d = i.shift();
				if (d) this.log("work :: packet pulled from queue"), (0, IE.default)(this, d, u, s);
				else {
					this.log("work :: no packets in queue");
					let h = n;
					n = null, this.log("work :: done flag is %s", !!h), h && h();
				}
			}, u = () => {
				if (i.length) (0, xr.nextTick)(o);
				else {
					let d = n;
					n = null, d && d();
				}
			};
			e._write = (d, h, _) => {
				n = _, this.log("writable stream :: parsing buffer"), r.parse(d), o();
			};
			let c = (d) => {
				this.log("streamErrorHandler :: error", d.message), d.code ? (this.log("streamErrorHandler :: emitting error"), this.emit("error", d)) : this.noop(d);
			};
			this.log("connect :: pipe stream to writable stream"), this.stream.pipe(e), this.stream.on("error", c), this.stream.on("close", () => {
				this.log("(%s)stream :: on close", this.options.clientId), this._flushVolatile(), this.log("stream: emit close to MqttClient"), this.emit("close");
			}), this.log("connect: sending packet `connect`");
			let f = {
				cmd: "connect",
				protocolId: this.options.protocolId,
				protocolVersion: this.options.protocolVersion,
				clean: this.options.clean,
				clientId: this.options.clientId,
				keepalive: this.options.keepalive,
				username: this.options.username,
				password: this.options.password,
				properties: this.options.properties ? { ...this.options.properties } : void 0
			};
			if (f.properties?.receiveMaximum !== void 0 && (f.properties.receiveMaximum = this._receiveMaximum), this.options.will && (f.will = {
				...this.options.will,
				payload: this.options.will?.payload
			}), this.topicAliasRecv && (f.properties || (f.properties = {}), this.topicAliasRecv && (f.properties.topicAliasMaximum = this.topicAliasRecv.max)), this._authenticationMethod = f.properties?.authenticationMethod, this._writePacket(f), r.on("error", this.emit.bind(this, "error")), this.options.properties) {
				if (!this.options.properties.authenticationMethod && this.options.properties.authenticationData) return this.end(() => this.emit("error", /* @__PURE__ */ new Error("Packet has no Authentication Method"))), this;
				if (this.options.properties.authenticationMethod && this.options.authPacket && typeof this.options.authPacket == "object") {
					let d = {
						cmd: "auth",
						reasonCode: 0,
						...this.options.authPacket
					};
					this._writePacket(d);
				}
			}
			return this.stream.setMaxListeners(1e3), clearTimeout(this.connackTimer), this.connackTimer = setTimeout(() => this._onConnackTimeout(), this.options.connectTimeout), this;
		}
		_onConnackTimeout() {
			this.log("!!connectTimeout hit!! Calling _cleanUp with force `true`"), this._cleanUp(!0), this.emit("error", /* @__PURE__ */ new Error("connack timeout"));
		}
		publish(e, r, n, i) {
			this.log("publish :: message `%s` to topic `%s`", r, e);
			let { options: s } = this;
			typeof n == "function" && (i = n, n = null), n = n || {}, n = {
				qos: 0,
				retain: !1,
				dup: !1,
				...n
			};
			let { qos: u, retain: c, dup: f, properties: d, cbStorePut: h } = n;
			if (this._checkDisconnecting(i)) return this;
			let _ = () => {
				let y = 0;
				if ((u === 1 || u === 2) && (y = this._nextId(), y === null)) return this.log("No messageId left"), !1;
				let I = {
					cmd: "publish",
					topic: e,
					payload: r,
					qos: u,
					retain: c,
					messageId: y,
					dup: f
				};
				switch (s.protocolVersion === 5 && (I.properties = d), this.log("publish :: qos", u), u) {
					case 1:
					case 2:
						this.outgoing[I.messageId] = {
							volatile: !1,
							cmd: "publish",
							cb: i || this.noop
						}, this.log("MqttClient:publish: packet cmd: %s", I.cmd), this._sendPacket(I, void 0, h);
						break;
					default: this.log("MqttClient:publish: packet cmd: %s", I.cmd), this._sendPacket(I, i, h);
				}
				return !0;
			};
			return (this._storeProcessing || this._storeProcessingQueue.length > 0 || !_()) && this._storeProcessingQueue.push({
				invoke: _,
				cbStorePut: n.cbStorePut,
				callback: i
			}), this;
		}
		publishAsync(e, r, n) {
			return new Promise((i, s) => {
				this.publish(e, r, n, (o, u) => {
					o ? s(o) : i(u);
				});
			});
		}
		subscribe(e, r, n) {
			let i = this.options.protocolVersion;
			typeof r == "function" && (n = r), n = n || this.noop;
			let s = !1, o = [];
			typeof e == "string" ? (e = [e], o = e) : Array.isArray(e) ? o = e : typeof e == "object" && (s = e.resubscribe, delete e.resubscribe, o = Object.keys(e));
			let u = ug.validateTopics(o);
			if (u !== null) return Ua(n, /* @__PURE__ */ new Error(`Invalid topic ${u}`)), this;
			if (this._checkDisconnecting(n)) return this.log("subscribe: discconecting true"), this;
			let c = { qos: 0 };
			i === 5 && (c.nl = !1, c.rap = !1, c.rh = 0), r = {
				...c,
				...r
			};
			let { properties: f } = r, d = [], h = (I, S) => {
				if (S = S || r, !Object.prototype.hasOwnProperty.call(this._resubscribeTopics, I) || this._resubscribeTopics[I].qos < S.qos || s) {
					let b = {
						topic: I,
						qos: S.qos
					};
					i === 5 && (b.nl = S.nl, b.rap = S.rap, b.rh = S.rh, b.properties = f), this.log("subscribe: pushing topic `%s` and qos `%s` to subs list", b.topic, b.qos), d.push(b);
				}
			};
			if (Array.isArray(e) ? e.forEach((I) => {
				this.log("subscribe: array topic %s", I), h(I);
			}) : Object.keys(e).forEach((I) => {
				this.log("subscribe: object topic %s, %o", I, e[I]), h(I, e[I]);
			}), !d.length) return n(null, []), this;
			let _ = (I, S) => {
				let b = {
					cmd: "subscribe",
					subscriptions: I,
					messageId: S
				};
				if (f && (b.properties = f), this.options.resubscribe) {
					this.log("subscribe :: resubscribe true");
					let w = [];
					I.forEach((R) => {
						if (this.options.reconnectPeriod > 0) {
							let A = { qos: R.qos };
							i === 5 && (A.nl = R.nl || !1, A.rap = R.rap || !1, A.rh = R.rh || 0, A.properties = R.properties), this._resubscribeTopics[R.topic] = A, w.push(R.topic);
						}
					}), this.messageIdToTopic[b.messageId] = w;
				}
				let m = new Promise((w, R) => {
					this.outgoing[b.messageId] = {
						volatile: !0,
						cmd: "subscribe",
						cb: (A, g) => {
							if (A) {
								R(new xr.ErrorWithSubackPacket(A.message, g));
								return;
							}
							let { granted: O } = g;
							if (O.length !== I.length) {
								R(new xr.ErrorWithSubackPacket(`Protocol error: suback granted ${O.length} reason code(s) for ${I.length} subscription(s)`, g)), this._cleanUp(!0);
								return;
							}
							for (let v = 0; v < O.length; v += 1) I[v].qos = O[v];
							w(g);
						}
					};
				});
				return this.log("subscribe :: call _sendPacket"), this._sendPacket(b), m;
			}, y = () => {
				let I = this.options.subscribeBatchSize ?? d.length, S = [];
				for (let b = 0; b < d.length; b += I) {
					let m = d.slice(b, b + I), w = this._nextId();
					if (w === null) return this.log("No messageId left"), !1;
					S.push(_(m, w));
				}
				return Promise.all(S).then((b) => {
					n(null, d, b.at(-1));
				}).catch((b) => {
					n(b, d, b.packet);
				}), !0;
			};
			return (this._storeProcessing || this._storeProcessingQueue.length > 0 || !y()) && this._storeProcessingQueue.push({
				invoke: y,
				callback: n
			}), this;
		}
		subscribeAsync(e, r) {
			return new Promise((n, i) => {
				this.subscribe(e, r, (s, o) => {
					s ? i(s) : n(o);
				});
			});
		}
		unsubscribe(e, r, n) {
			typeof e == "string" && (e = [e]), typeof r == "function" && (n = r), n = n || this.noop;
			let i = ug.validateTopics(e);
			if (i !== null) return Ua(n, /* @__PURE__ */ new Error(`Invalid topic ${i}`)), this;
			if (this._checkDisconnecting(n)) return this;
			let s = () => {
				let o = this._nextId();
				if (o === null) return this.log("No messageId left"), !1;
				let u = {
					cmd: "unsubscribe",
					messageId: o,
					unsubscriptions: []
				};
				return typeof e == "string" ? u.unsubscriptions = [e] : Array.isArray(e) && (u.unsubscriptions = e), this.options.resubscribe && u.unsubscriptions.forEach((c) => {
					delete this._resubscribeTopics[c];
				}), typeof r == "object" && r.properties && (u.properties = r.properties), this.outgoing[u.messageId] = {
					volatile: !0,
					cmd: "unsubscribe",
					cb: n
				}, this.log("unsubscribe: call _sendPacket"), this._sendPacket(u), !0;
			};
			return (this._storeProcessing || this._storeProcessingQueue.length > 0 || !s()) && this._storeProcessingQueue.push({
				invoke: s,
				callback: n
			}), this;
		}
		unsubscribeAsync(e, r) {
			return new Promise((n, i) => {
				this.unsubscribe(e, r, (s, o) => {
					s ? i(s) : n(o);
				});
			});
		}
		end(e, r, n) {
			this.log("end :: (%s)", this.options.clientId), (e == null || typeof e != "boolean") && (n = n || r, r = e, e = !1), typeof r != "object" && (n = n || r, r = null), this.log("end :: cb? %s", !!n), (!n || typeof n != "function") && (n = this.noop);
			let i = () => {
				this.log("end :: closeStores: closing incoming and outgoing stores"), this.disconnected = !0, this._incomingQoS2Ids.clear(), this.incomingStore.close((o) => {
					this.outgoingStore.close((u) => {
						if (this.log("end :: closeStores: emitting end"), this.emit("end"), n) {
							let c = o || u;
							this.log("end :: closeStores: invoking callback with args"), n(c);
						}
					});
				}), this._deferredReconnect ? this._deferredReconnect() : (this.options.reconnectPeriod === 0 || this.options.manualConnect) && (this.disconnecting = !1);
			}, s = () => {
				this.log("end :: (%s) :: finish :: calling _cleanUp with force %s", this.options.clientId, e), this._cleanUp(e, () => {
					this.log("end :: finish :: calling process.nextTick on closeStores"), (0, xr.nextTick)(i);
				}, r);
			};
			return this.disconnecting ? (n(), this) : (this._clearReconnect(), this.disconnecting = !0, !e && Object.keys(this.outgoing).length > 0 ? (this.log("end :: (%s) :: calling finish in 10ms once outgoing is empty", this.options.clientId), this.once("outgoingEmpty", setTimeout.bind(null, s, 10))) : (this.log("end :: (%s) :: immediately calling finish", this.options.clientId), s()), this);
		}
		endAsync(e, r) {
			return new Promise((n, i) => {
				this.end(e, r, (s) => {
					s ? i(s) : n();
				});
			});
		}
		removeOutgoingMessage(e) {
			if (this.outgoing[e]) {
				let { cb: r } = this.outgoing[e];
				this._removeOutgoingAndStoreMessage(e, () => {
					r(/* @__PURE__ */ new Error("Message removed"));
				});
			}
			return this;
		}
		reconnect(e) {
			this.log("client reconnect");
			let r = () => {
				e ? (this.options.incomingStore = e.incomingStore, this.options.outgoingStore = e.outgoingStore) : (this.options.incomingStore = null, this.options.outgoingStore = null), this.incomingStore = this.options.incomingStore || new on.default(), this.outgoingStore = this.options.outgoingStore || new on.default(), this._incomingQoS2Ids.clear(), this.disconnecting = !1, this.disconnected = !1, this._deferredReconnect = null, this._reconnect();
			};
			return this.disconnecting && !this.disconnected ? this._deferredReconnect = r : r(), this;
		}
		_flushVolatile() {
			this.outgoing && (this.log("_flushVolatile :: deleting volatile messages from the queue and setting their callbacks as error function"), Object.keys(this.outgoing).forEach((e) => {
				this.outgoing[e].volatile && typeof this.outgoing[e].cb == "function" && (this.outgoing[e].cb(/* @__PURE__ */ new Error("Connection closed")), delete this.outgoing[e]);
			}));
		}
		_flush() {
			this.outgoing && (this.log("_flush: queue exists? %b", !!this.outgoing), Object.keys(this.outgoing).forEach((e) => {
				typeof this.outgoing[e].cb == "function" && (this.outgoing[e].cb(/* @__PURE__ */ new Error("Connection closed")), delete this.outgoing[e]);
			}));
		}
		_removeTopicAliasAndRecoverTopicName(e) {
			let r;
			e.properties && (r = e.properties.topicAlias);
			let n = e.topic.toString();
			if (this.log("_removeTopicAliasAndRecoverTopicName :: alias %d, topic %o", r, n), n.length === 0) {
				if (typeof r > "u") return /* @__PURE__ */ new Error("Unregistered Topic Alias");
				if (n = this.topicAliasSend.getTopicByAlias(r), typeof n > "u") return /* @__PURE__ */ new Error("Unregistered Topic Alias");
				e.topic = n;
			}
			r && delete e.properties.topicAlias;
		}
		_checkDisconnecting(e) {
			return this.disconnecting && (e && e !== this.noop ? e(/* @__PURE__ */ new Error("client disconnecting")) : this.emit("error", /* @__PURE__ */ new Error("client disconnecting"))), this.disconnecting;
		}
		_reconnect() {
			this.log("_reconnect: emitting reconnect to client"), this.emit("reconnect"), this.connected ? (this.end(() => {
				this.connect();
			}), this.log("client already connected. disconnecting first.")) : (this.log("_reconnect: calling connect"), this.connect());
		}
		_setupReconnect() {
			!this.disconnecting && !this.reconnectSuppressed && !this.reconnectTimer && this.options.reconnectPeriod > 0 ? (this.reconnecting || (this.log("_setupReconnect :: emit `offline` state"), this.emit("offline"), this.log("_setupReconnect :: set `reconnecting` to `true`"), this.reconnecting = !0), this.log("_setupReconnect :: setting reconnectTimer for %d ms", this.options.reconnectPeriod), this.reconnectTimer = setInterval(() => {
				this.log("reconnectTimer :: reconnect triggered!"), this._reconnect();
			}, this.options.reconnectPeriod)) : this.log("_setupReconnect :: doing nothing...");
		}
		_clearReconnect() {
			this.log("_clearReconnect : clearing reconnect timer"), this.reconnectTimer && (clearInterval(this.reconnectTimer), this.reconnectTimer = null);
		}
		_cleanUp(e, r, n = {}) {
			if (r && (this.log("_cleanUp :: done callback provided for on stream close"), this.stream.on("close", r)), this.log("_cleanUp :: forced? %s", e), e) this.options.reconnectPeriod === 0 && this.options.clean && this._flush(), this.log("_cleanUp :: (%s) :: destroying stream", this.options.clientId), this.stream.destroy();
			else {
				let i = {
					cmd: "disconnect",
					...n
				};
				this.log("_cleanUp :: (%s) :: call _sendPacket with disconnect packet", this.options.clientId), this._sendPacket(i, () => {
					this.log("_cleanUp :: (%s) :: destroying stream", this.options.clientId), Ua(() => {
						this.stream.end(() => {
							this.log("_cleanUp :: (%s) :: stream destroyed", this.options.clientId);
						});
					});
				});
			}
			!this.disconnecting && !this.reconnecting && (this.log("_cleanUp :: client not disconnecting/reconnecting. Clearing and resetting reconnect."), this._clearReconnect(), this._setupReconnect()), this._destroyKeepaliveManager(), r && !this.connected && (this.log("_cleanUp :: (%s) :: removing stream `done` callback `close` listener", this.options.clientId), this.stream.removeListener("close", r), r());
		}
		_storeAndSend(e, r, n) {
			this.log("storeAndSend :: store packet with cmd %s to outgoingStore", e.cmd);
			let i = e, s;
			if (i.cmd === "publish" && (i = (0, ag.default)(e), s = this._removeTopicAliasAndRecoverTopicName(i), s)) return r && r(s);
			this.outgoingStore.put(i, (o) => {
				if (o) return r && r(o);
				n(), this._writePacket(e, r);
			});
		}
		_applyTopicAlias(e) {
			if (this.options.protocolVersion === 5 && e.cmd === "publish") {
				let r;
				e.properties && (r = e.properties.topicAlias);
				let n = e.topic.toString();
				if (this.topicAliasSend) if (r) {
					if (n.length !== 0 && (this.log("applyTopicAlias :: register topic: %s - alias: %d", n, r), !this.topicAliasSend.put(n, r))) return this.log("applyTopicAlias :: error out of range. topic: %s - alias: %d", n, r), /* @__PURE__ */ new Error("Sending Topic Alias out of range");
				} else n.length !== 0 && (this.options.autoAssignTopicAlias ? (r = this.topicAliasSend.getAliasByTopic(n), r ? (e.topic = "", e.properties = {
					...e.properties,
					topicAlias: r
				}, this.log("applyTopicAlias :: auto assign(use) topic: %s - alias: %d", n, r)) : (r = this.topicAliasSend.getLruAlias(), this.topicAliasSend.put(n, r), e.properties = {
					...e.properties,
					topicAlias: r
				}, this.log("applyTopicAlias :: auto assign topic: %s - alias: %d", n, r))) : this.options.autoUseTopicAlias && (r = this.topicAliasSend.getAliasByTopic(n), r && (e.topic = "", e.properties = {
					...e.properties,
					topicAlias: r
				}, this.log("applyTopicAlias :: auto use topic: %s - alias: %d", n, r))));
				else if (r) return this.log("applyTopicAlias :: error out of range. topic: %s - alias: %d", n, r), /* @__PURE__ */ new Error("Sending Topic Alias out of range");
			}
		}
		_noop(e) {
			this.log("noop ::", e);
		}
		_writePacket(e, r) {
			this.log("_writePacket :: packet: %O", e), this.log("_writePacket :: emitting `packetsend`"), this.emit("packetsend", e), this.log("_writePacket :: writing to stream");
			let n = Da.default.writeToStream(e, this.stream, this.options);
			this.log("_writePacket :: writeToStream result %s", n), !n && r && r !== this.noop ? (this.log("_writePacket :: handle events on `drain` once through callback."), this.stream.once("drain", r)) : r && (this.log("_writePacket :: invoking cb"), r());
		}
		_sendPacket(e, r, n, i) {
			this.log("_sendPacket :: (%s) ::  start", this.options.clientId), n = n || this.noop, r = r || this.noop;
			let s = this._applyTopicAlias(e);
			if (s) {
				r(s);
				return;
			}
			if (!this.connected) {
				if (e.cmd === "auth") {
					this._writePacket(e, r);
					return;
				}
				this.log("_sendPacket :: client not connected. Storing packet offline."), this._storePacket(e, r, n);
				return;
			}
			if (i) {
				this._writePacket(e, r);
				return;
			}
			switch (e.cmd) {
				case "publish": break;
				case "pubrel":
					this._storeAndSend(e, r, n);
					return;
				default:
					this._writePacket(e, r);
					return;
			}
			switch (e.qos) {
				case 2:
				case 1:
					this._storeAndSend(e, r, n);
					break;
				default: this._writePacket(e, r);
			}
			this.log("_sendPacket :: (%s) ::  end", this.options.clientId);
		}
		_storePacket(e, r, n) {
			this.log("_storePacket :: packet: %o", e), this.log("_storePacket :: cb? %s", !!r), n = n || this.noop;
			let i = e;
			if (i.cmd === "publish") {
				i = (0, ag.default)(e);
				let o = this._removeTopicAliasAndRecoverTopicName(i);
				if (o) return r && r(o);
			}
			let s = i.qos || 0;
			s === 0 && this.queueQoSZero || i.cmd !== "publish" ? this.queue.push({
				packet: i,
				cb: r
			}) : s > 0 ? (r = this.outgoing[i.messageId] ? this.outgoing[i.messageId].cb : null, this.outgoingStore.put(i, (o) => {
				if (o) return r && r(o);
				n();
			})) : r && r(/* @__PURE__ */ new Error("No connection to broker"));
		}
		get serverProperties() {
			return this._serverProperties;
		}
		get keepalive() {
			let e = this.connected ? this._serverProperties?.serverKeepAlive : void 0;
			return e && this.options.keepalive ? e : this.options.keepalive;
		}
		_setupKeepaliveManager() {
			this.log("_setupKeepaliveManager :: keepalive %d (seconds)", this.keepalive), !this.keepaliveManager && this.keepalive && (this.keepaliveManager = new RE.default(this, this.options.timerVariant));
		}
		_destroyKeepaliveManager() {
			this.keepaliveManager && (this.log("_destroyKeepaliveManager :: destroying keepalive manager"), this.keepaliveManager.destroy(), this.keepaliveManager = null);
		}
		reschedulePing(e = !1) {
			this.keepaliveManager && this.keepalive && (e || this.options.reschedulePings) && this._reschedulePing();
		}
		_reschedulePing() {
			this.log("_reschedulePing :: rescheduling ping"), this.keepaliveManager.reschedule();
		}
		sendPing() {
			this.log("_sendPing :: sending pingreq"), this._sendPacket({ cmd: "pingreq" });
		}
		onKeepaliveTimeout() {
			this.log("onKeepaliveTimeout :: calling _cleanUp with force true"), this._cleanUp(!0), this.emit("error", /* @__PURE__ */ new Error("Keepalive timeout"));
		}
		_resubscribe() {
			this.log("_resubscribe");
			let e = Object.keys(this._resubscribeTopics);
			if (!this._firstConnection && (this.options.clean || this.options.protocolVersion >= 4 && !this.connackPacket.sessionPresent) && e.length > 0) if (this.options.resubscribe) if (this.options.protocolVersion === 5) {
				this.log("_resubscribe: protocolVersion 5");
				for (let r = 0; r < e.length; r++) {
					let n = {};
					n[e[r]] = this._resubscribeTopics[e[r]], n.resubscribe = !0, this.subscribe(n, { properties: n[e[r]].properties });
				}
			} else this._resubscribeTopics.resubscribe = !0, this.subscribe(this._resubscribeTopics);
			else this._resubscribeTopics = {};
			this._firstConnection = !1;
		}
		_onConnect(e) {
			if (this.disconnected) {
				this.emit("connect", e);
				return;
			}
			this.connackPacket = e, !this.options.clean && (this.options.protocolVersion < 4 || e.sessionPresent === !0) || this._discardIncomingQoS2State(), this.messageIdProvider.clear(), this.connected = !0, this._setupKeepaliveManager();
			let n = () => {
				let i = this.outgoingStore.createStream(), s = () => {
					i.destroy(), i = null, this._flushStoreProcessingQueue(), o();
				}, o = () => {
					this._storeProcessing = !1, this._packetIdsDuringStoreProcessing = {};
				};
				this.once("close", s), i.on("error", (c) => {
					o(), this._flushStoreProcessingQueue(), this.removeListener("close", s), this.emit("error", c);
				});
				let u = () => {
					if (!i) return;
					let c = i.read(1), f;
					if (!c) {
						i.once("readable", u);
						return;
					}
					if (this._storeProcessing = !0, this._packetIdsDuringStoreProcessing[c.messageId]) {
						u();
						return;
					}
					!this.disconnecting && !this.reconnectTimer ? (f = this.outgoing[c.messageId] ? this.outgoing[c.messageId].cb : null, this.outgoing[c.messageId] = {
						volatile: !1,
						cmd: c.cmd,
						cb(d, h) {
							f && f(d, h), u();
						}
					}, this._packetIdsDuringStoreProcessing[c.messageId] = !0, this.messageIdProvider.register(c.messageId) ? this._sendPacket(c, void 0, void 0, !0) : this.log("messageId: %d has already used.", c.messageId)) : i.destroy && i.destroy();
				};
				i.on("end", () => {
					let c = !0;
					for (let f in this._packetIdsDuringStoreProcessing) if (!this._packetIdsDuringStoreProcessing[f]) {
						c = !1;
						break;
					}
					this.removeListener("close", s), c ? (o(), this._invokeAllStoreProcessingQueue(), this.emit("connect", e)) : n();
				}), u();
			};
			n();
		}
		_invokeStoreProcessingQueue() {
			if (!this._storeProcessing && this._storeProcessingQueue.length > 0) {
				let e = this._storeProcessingQueue[0];
				if (e && e.invoke()) return this._storeProcessingQueue.shift(), !0;
			}
			return !1;
		}
		_invokeAllStoreProcessingQueue() {
			for (; this._invokeStoreProcessingQueue(););
		}
		_flushStoreProcessingQueue() {
			for (let e of this._storeProcessingQueue) e.cbStorePut && e.cbStorePut(/* @__PURE__ */ new Error("Connection closed")), e.callback && e.callback(/* @__PURE__ */ new Error("Connection closed"));
			this._storeProcessingQueue.splice(0);
		}
		_removeOutgoingAndStoreMessage(e, r) {
			delete this.outgoing[e], this.outgoingStore.del({ messageId: e }, (n, i) => {
				r(n, i), this.messageIdProvider.deallocate(e), this._invokeStoreProcessingQueue();
			});
		}
	};
});
var hg = H(($a) => {
	"use strict";
	x();
	P();
	T();
	Object.defineProperty($a, "__esModule", { value: !0 });
	var kE = ya(), ja = class {
		numberAllocator;
		lastId;
		constructor() {
			this.numberAllocator = new kE.NumberAllocator(1, 65535);
		}
		allocate() {
			return this.lastId = this.numberAllocator.alloc(), this.lastId;
		}
		getLastAllocated() {
			return this.lastId;
		}
		register(e) {
			return this.numberAllocator.use(e);
		}
		deallocate(e) {
			this.numberAllocator.free(e);
		}
		clear() {
			this.numberAllocator.clear();
		}
	};
	$a.default = ja;
});
function CE() {
	if (pg) return Wa;
	pg = !0;
	let t = 2147483647, e = 36, r = 1, n = 26, i = 38, s = 700, o = 72, u = 128, c = "-", f = /^xn--/, d = /[^\0-\x7F]/, h = /[\x2E\u3002\uFF0E\uFF61]/g, _ = {
		overflow: "Overflow: input needs wider integers to process",
		"not-basic": "Illegal input >= 0x80 (not a basic code point)",
		"invalid-input": "Invalid input"
	}, y = 35, I = Math.floor, S = String.fromCharCode;
	function b($) {
		throw new RangeError(_[$]);
	}
	function m($, G) {
		let J = [], ee = $.length;
		for (; ee--;) J[ee] = G($[ee]);
		return J;
	}
	function w($, G) {
		let J = $.split("@"), ee = "";
		J.length > 1 && (ee = J[0] + "@", $ = J[1]), $ = $.replace(h, ".");
		let W = m($.split("."), G).join(".");
		return ee + W;
	}
	function R($) {
		let G = [], J = 0, ee = $.length;
		for (; J < ee;) {
			let z = $.charCodeAt(J++);
			if (z >= 55296 && z <= 56319 && J < ee) {
				let W = $.charCodeAt(J++);
				(W & 64512) == 56320 ? G.push(((z & 1023) << 10) + (W & 1023) + 65536) : (G.push(z), J--);
			} else G.push(z);
		}
		return G;
	}
	let A = ($) => String.fromCodePoint(...$), g = function($) {
		return $ >= 48 && $ < 58 ? 26 + ($ - 48) : $ >= 65 && $ < 91 ? $ - 65 : $ >= 97 && $ < 123 ? $ - 97 : e;
	}, O = function($, G) {
		return $ + 22 + 75 * ($ < 26) - ((G != 0) << 5);
	}, v = function($, G, J) {
		let ee = 0;
		for ($ = J ? I($ / s) : $ >> 1, $ += I($ / G); $ > 455; ee += e) $ = I($ / y);
		return I(ee + 36 * $ / ($ + i));
	}, B = function($) {
		let G = [], J = $.length, ee = 0, z = u, W = o, te = $.lastIndexOf(c);
		te < 0 && (te = 0);
		for (let Y = 0; Y < te; ++Y) $.charCodeAt(Y) >= 128 && b("not-basic"), G.push($.charCodeAt(Y));
		for (let Y = te > 0 ? te + 1 : 0; Y < J;) {
			let X = ee;
			for (let Z = 1, ne = e;; ne += e) {
				Y >= J && b("invalid-input");
				let de = g($.charCodeAt(Y++));
				de >= e && b("invalid-input"), de > I((t - ee) / Z) && b("overflow"), ee += de * Z;
				let be = ne <= W ? r : ne >= W + n ? n : ne - W;
				if (de < be) break;
				let ge = e - be;
				Z > I(t / ge) && b("overflow"), Z *= ge;
			}
			let ce = G.length + 1;
			W = v(ee - X, ce, X == 0), I(ee / ce) > t - z && b("overflow"), z += I(ee / ce), ee %= ce, G.splice(ee++, 0, z);
		}
		return String.fromCodePoint(...G);
	}, D = function($) {
		let G = [];
		$ = R($);
		let J = $.length, ee = u, z = 0, W = o;
		for (let X of $) X < 128 && G.push(S(X));
		let te = G.length, Y = te;
		for (te && G.push(c); Y < J;) {
			let X = t;
			for (let Z of $) Z >= ee && Z < X && (X = Z);
			let ce = Y + 1;
			X - ee > I((t - z) / ce) && b("overflow"), z += (X - ee) * ce, ee = X;
			for (let Z of $) if (Z < ee && ++z > t && b("overflow"), Z === ee) {
				let ne = z;
				for (let de = e;; de += e) {
					let be = de <= W ? r : de >= W + n ? n : de - W;
					if (ne < be) break;
					let ge = ne - be, Ae = e - be;
					G.push(S(O(be + ge % Ae, 0))), ne = I(ge / Ae);
				}
				G.push(S(O(ne, 0))), W = v(z, ce, Y === te), z = 0, ++Y;
			}
			++z, ++ee;
		}
		return G.join("");
	};
	return Wa = {
		version: "2.3.1",
		ucs2: {
			decode: R,
			encode: A
		},
		decode: B,
		encode: D,
		toASCII: function($) {
			return w($, function(G) {
				return d.test(G) ? "xn--" + D(G) : G;
			});
		},
		toUnicode: function($) {
			return w($, function(G) {
				return f.test(G) ? B(G.slice(4).toLowerCase()) : G;
			});
		}
	}, Wa;
}
var Wa;
var pg;
var nr;
var gg = ze(() => {
	x();
	P();
	T();
	Wa = {}, pg = !1;
	nr = CE(), nr.decode, nr.encode, nr.toASCII, nr.toUnicode, nr.ucs2, nr.version;
});
function ME() {
	return yg || (yg = !0, Va = function() {
		if (typeof Symbol != "function" || typeof Object.getOwnPropertySymbols != "function") return !1;
		if (typeof Symbol.iterator == "symbol") return !0;
		var e = {}, r = Symbol("test"), n = Object(r);
		if (typeof r == "string" || Object.prototype.toString.call(r) !== "[object Symbol]" || Object.prototype.toString.call(n) !== "[object Symbol]") return !1;
		var i = 42;
		e[r] = i;
		for (r in e) return !1;
		if (typeof Object.keys == "function" && Object.keys(e).length !== 0 || typeof Object.getOwnPropertyNames == "function" && Object.getOwnPropertyNames(e).length !== 0) return !1;
		var s = Object.getOwnPropertySymbols(e);
		if (s.length !== 1 || s[0] !== r || !Object.prototype.propertyIsEnumerable.call(e, r)) return !1;
		if (typeof Object.getOwnPropertyDescriptor == "function") {
			var o = Object.getOwnPropertyDescriptor(e, r);
			if (o.value !== i || o.enumerable !== !0) return !1;
		}
		return !0;
	}), Va;
}
function BE() {
	return bg || (bg = !0, Ha = Error), Ha;
}
function NE() {
	return mg || (mg = !0, za = EvalError), za;
}
function LE() {
	return _g || (_g = !0, Ga = RangeError), Ga;
}
function qE() {
	return wg || (wg = !0, Qa = ReferenceError), Qa;
}
function qg() {
	return vg || (vg = !0, Ka = SyntaxError), Ka;
}
function sn() {
	return Sg || (Sg = !0, Ya = TypeError), Ya;
}
function DE() {
	return Eg || (Eg = !0, Ja = URIError), Ja;
}
function UE() {
	if (Ag) return Xa;
	Ag = !0;
	var t = typeof Symbol < "u" && Symbol, e = ME();
	return Xa = function() {
		return typeof t != "function" || typeof Symbol != "function" || typeof t("foo") != "symbol" || typeof Symbol("bar") != "symbol" ? !1 : e();
	}, Xa;
}
function FE() {
	if (Ig) return Za;
	Ig = !0;
	var t = {
		__proto__: null,
		foo: {}
	}, e = Object;
	return Za = function() {
		return { __proto__: t }.foo === t.foo && !(t instanceof e);
	}, Za;
}
function jE() {
	if (xg) return eu;
	xg = !0;
	var t = "Function.prototype.bind called on incompatible ", e = Object.prototype.toString, r = Math.max, n = "[object Function]", i = function(c, f) {
		for (var d = [], h = 0; h < c.length; h += 1) d[h] = c[h];
		for (var _ = 0; _ < f.length; _ += 1) d[_ + c.length] = f[_];
		return d;
	}, s = function(c, f) {
		for (var d = [], h = f, _ = 0; h < c.length; h += 1, _ += 1) d[_] = c[h];
		return d;
	}, o = function(u, c) {
		for (var f = "", d = 0; d < u.length; d += 1) f += u[d], d + 1 < u.length && (f += c);
		return f;
	};
	return eu = function(c) {
		var f = this;
		if (typeof f != "function" || e.apply(f) !== n) throw new TypeError(t + f);
		for (var d = s(arguments, 1), h, _ = function() {
			if (this instanceof h) {
				var m = f.apply(this, i(d, arguments));
				return Object(m) === m ? m : this;
			}
			return f.apply(c, i(d, arguments));
		}, y = r(0, f.length - d.length), I = [], S = 0; S < y; S++) I[S] = "$" + S;
		if (h = Function("binder", "return function (" + o(I, ",") + "){ return binder.apply(this,arguments); }")(_), f.prototype) {
			var b = function() {};
			b.prototype = f.prototype, h.prototype = new b(), b.prototype = null;
		}
		return h;
	}, eu;
}
function cu() {
	if (Tg) return tu;
	Tg = !0;
	var t = jE();
	return tu = Function.prototype.bind || t, tu;
}
function $E() {
	if (Pg) return ru;
	Pg = !0;
	var t = Function.prototype.call, e = Object.prototype.hasOwnProperty;
	return ru = cu().call(t, e), ru;
}
function Tr() {
	if (Og) return nu;
	Og = !0;
	var t, e = BE(), r = NE(), n = LE(), i = qE(), s = qg(), o = sn(), u = DE(), c = Function, f = function(z) {
		try {
			return c("\"use strict\"; return (" + z + ").constructor;")();
		} catch {}
	}, d = Object.getOwnPropertyDescriptor;
	if (d) try {
		d({}, "");
	} catch {
		d = null;
	}
	var h = function() {
		throw new o();
	}, _ = d ? (function() {
		try {
			return arguments.callee, h;
		} catch {
			try {
				return d(arguments, "callee").get;
			} catch {
				return h;
			}
		}
	})() : h, y = UE()(), I = FE()(), S = Object.getPrototypeOf || (I ? function(z) {
		return z.__proto__;
	} : null), b = {}, m = typeof Uint8Array > "u" || !S ? t : S(Uint8Array), w = {
		__proto__: null,
		"%AggregateError%": typeof AggregateError > "u" ? t : AggregateError,
		"%Array%": Array,
		"%ArrayBuffer%": typeof ArrayBuffer > "u" ? t : ArrayBuffer,
		"%ArrayIteratorPrototype%": y && S ? S([][Symbol.iterator]()) : t,
		"%AsyncFromSyncIteratorPrototype%": t,
		"%AsyncFunction%": b,
		"%AsyncGenerator%": b,
		"%AsyncGeneratorFunction%": b,
		"%AsyncIteratorPrototype%": b,
		"%Atomics%": typeof Atomics > "u" ? t : Atomics,
		"%BigInt%": typeof BigInt > "u" ? t : BigInt,
		"%BigInt64Array%": typeof BigInt64Array > "u" ? t : BigInt64Array,
		"%BigUint64Array%": typeof BigUint64Array > "u" ? t : BigUint64Array,
		"%Boolean%": Boolean,
		"%DataView%": typeof DataView > "u" ? t : DataView,
		"%Date%": Date,
		"%decodeURI%": decodeURI,
		"%decodeURIComponent%": decodeURIComponent,
		"%encodeURI%": encodeURI,
		"%encodeURIComponent%": encodeURIComponent,
		"%Error%": e,
		"%eval%": eval,
		"%EvalError%": r,
		"%Float32Array%": typeof Float32Array > "u" ? t : Float32Array,
		"%Float64Array%": typeof Float64Array > "u" ? t : Float64Array,
		"%FinalizationRegistry%": typeof FinalizationRegistry > "u" ? t : FinalizationRegistry,
		"%Function%": c,
		"%GeneratorFunction%": b,
		"%Int8Array%": typeof Int8Array > "u" ? t : Int8Array,
		"%Int16Array%": typeof Int16Array > "u" ? t : Int16Array,
		"%Int32Array%": typeof Int32Array > "u" ? t : Int32Array,
		"%isFinite%": isFinite,
		"%isNaN%": isNaN,
		"%IteratorPrototype%": y && S ? S(S([][Symbol.iterator]())) : t,
		"%JSON%": typeof JSON == "object" ? JSON : t,
		"%Map%": typeof Map > "u" ? t : Map,
		"%MapIteratorPrototype%": typeof Map > "u" || !y || !S ? t : S((/* @__PURE__ */ new Map())[Symbol.iterator]()),
		"%Math%": Math,
		"%Number%": Number,
		"%Object%": Object,
		"%parseFloat%": parseFloat,
		"%parseInt%": parseInt,
		"%Promise%": typeof Promise > "u" ? t : Promise,
		"%Proxy%": typeof Proxy > "u" ? t : Proxy,
		"%RangeError%": n,
		"%ReferenceError%": i,
		"%Reflect%": typeof Reflect > "u" ? t : Reflect,
		"%RegExp%": RegExp,
		"%Set%": typeof Set > "u" ? t : Set,
		"%SetIteratorPrototype%": typeof Set > "u" || !y || !S ? t : S((/* @__PURE__ */ new Set())[Symbol.iterator]()),
		"%SharedArrayBuffer%": typeof SharedArrayBuffer > "u" ? t : SharedArrayBuffer,
		"%String%": String,
		"%StringIteratorPrototype%": y && S ? S(""[Symbol.iterator]()) : t,
		"%Symbol%": y ? Symbol : t,
		"%SyntaxError%": s,
		"%ThrowTypeError%": _,
		"%TypedArray%": m,
		"%TypeError%": o,
		"%Uint8Array%": typeof Uint8Array > "u" ? t : Uint8Array,
		"%Uint8ClampedArray%": typeof Uint8ClampedArray > "u" ? t : Uint8ClampedArray,
		"%Uint16Array%": typeof Uint16Array > "u" ? t : Uint16Array,
		"%Uint32Array%": typeof Uint32Array > "u" ? t : Uint32Array,
		"%URIError%": u,
		"%WeakMap%": typeof WeakMap > "u" ? t : WeakMap,
		"%WeakRef%": typeof WeakRef > "u" ? t : WeakRef,
		"%WeakSet%": typeof WeakSet > "u" ? t : WeakSet
	};
	if (S) try {
		null.error;
	} catch (z) {
		w["%Error.prototype%"] = S(S(z));
	}
	var A = function z(W) {
		var te;
		if (W === "%AsyncFunction%") te = f("async function () {}");
		else if (W === "%GeneratorFunction%") te = f("function* () {}");
		else if (W === "%AsyncGeneratorFunction%") te = f("async function* () {}");
		else if (W === "%AsyncGenerator%") {
			var Y = z("%AsyncGeneratorFunction%");
			Y && (te = Y.prototype);
		} else if (W === "%AsyncIteratorPrototype%") {
			var X = z("%AsyncGenerator%");
			X && S && (te = S(X.prototype));
		}
		return w[W] = te, te;
	}, g = {
		__proto__: null,
		"%ArrayBufferPrototype%": ["ArrayBuffer", "prototype"],
		"%ArrayPrototype%": ["Array", "prototype"],
		"%ArrayProto_entries%": [
			"Array",
			"prototype",
			"entries"
		],
		"%ArrayProto_forEach%": [
			"Array",
			"prototype",
			"forEach"
		],
		"%ArrayProto_keys%": [
			"Array",
			"prototype",
			"keys"
		],
		"%ArrayProto_values%": [
			"Array",
			"prototype",
			"values"
		],
		"%AsyncFunctionPrototype%": ["AsyncFunction", "prototype"],
		"%AsyncGenerator%": ["AsyncGeneratorFunction", "prototype"],
		"%AsyncGeneratorPrototype%": [
			"AsyncGeneratorFunction",
			"prototype",
			"prototype"
		],
		"%BooleanPrototype%": ["Boolean", "prototype"],
		"%DataViewPrototype%": ["DataView", "prototype"],
		"%DatePrototype%": ["Date", "prototype"],
		"%ErrorPrototype%": ["Error", "prototype"],
		"%EvalErrorPrototype%": ["EvalError", "prototype"],
		"%Float32ArrayPrototype%": ["Float32Array", "prototype"],
		"%Float64ArrayPrototype%": ["Float64Array", "prototype"],
		"%FunctionPrototype%": ["Function", "prototype"],
		"%Generator%": ["GeneratorFunction", "prototype"],
		"%GeneratorPrototype%": [
			"GeneratorFunction",
			"prototype",
			"prototype"
		],
		"%Int8ArrayPrototype%": ["Int8Array", "prototype"],
		"%Int16ArrayPrototype%": ["Int16Array", "prototype"],
		"%Int32ArrayPrototype%": ["Int32Array", "prototype"],
		"%JSONParse%": ["JSON", "parse"],
		"%JSONStringify%": ["JSON", "stringify"],
		"%MapPrototype%": ["Map", "prototype"],
		"%NumberPrototype%": ["Number", "prototype"],
		"%ObjectPrototype%": ["Object", "prototype"],
		"%ObjProto_toString%": [
			"Object",
			"prototype",
			"toString"
		],
		"%ObjProto_valueOf%": [
			"Object",
			"prototype",
			"valueOf"
		],
		"%PromisePrototype%": ["Promise", "prototype"],
		"%PromiseProto_then%": [
			"Promise",
			"prototype",
			"then"
		],
		"%Promise_all%": ["Promise", "all"],
		"%Promise_reject%": ["Promise", "reject"],
		"%Promise_resolve%": ["Promise", "resolve"],
		"%RangeErrorPrototype%": ["RangeError", "prototype"],
		"%ReferenceErrorPrototype%": ["ReferenceError", "prototype"],
		"%RegExpPrototype%": ["RegExp", "prototype"],
		"%SetPrototype%": ["Set", "prototype"],
		"%SharedArrayBufferPrototype%": ["SharedArrayBuffer", "prototype"],
		"%StringPrototype%": ["String", "prototype"],
		"%SymbolPrototype%": ["Symbol", "prototype"],
		"%SyntaxErrorPrototype%": ["SyntaxError", "prototype"],
		"%TypedArrayPrototype%": ["TypedArray", "prototype"],
		"%TypeErrorPrototype%": ["TypeError", "prototype"],
		"%Uint8ArrayPrototype%": ["Uint8Array", "prototype"],
		"%Uint8ClampedArrayPrototype%": ["Uint8ClampedArray", "prototype"],
		"%Uint16ArrayPrototype%": ["Uint16Array", "prototype"],
		"%Uint32ArrayPrototype%": ["Uint32Array", "prototype"],
		"%URIErrorPrototype%": ["URIError", "prototype"],
		"%WeakMapPrototype%": ["WeakMap", "prototype"],
		"%WeakSetPrototype%": ["WeakSet", "prototype"]
	}, O = cu(), v = $E(), B = O.call(Function.call, Array.prototype.concat), D = O.call(Function.apply, Array.prototype.splice), L = O.call(Function.call, String.prototype.replace), K = O.call(Function.call, String.prototype.slice), U = O.call(Function.call, RegExp.prototype.exec), $ = /[^%.[\]]+|\[(?:(-?\d+(?:\.\d+)?)|(["'])((?:(?!\2)[^\\]|\\.)*?)\2)\]|(?=(?:\.|\[\])(?:\.|\[\]|%$))/g, G = /\\(\\)?/g, J = function(W) {
		var te = K(W, 0, 1), Y = K(W, -1);
		if (te === "%" && Y !== "%") throw new s("invalid intrinsic syntax, expected closing `%`");
		if (Y === "%" && te !== "%") throw new s("invalid intrinsic syntax, expected opening `%`");
		var X = [];
		return L(W, $, function(ce, Z, ne, de) {
			X[X.length] = ne ? L(de, G, "$1") : Z || ce;
		}), X;
	}, ee = function(W, te) {
		var Y = W, X;
		if (v(g, Y) && (X = g[Y], Y = "%" + X[0] + "%"), v(w, Y)) {
			var ce = w[Y];
			if (ce === b && (ce = A(Y)), typeof ce > "u" && !te) throw new o("intrinsic " + W + " exists, but is not available. Please file an issue!");
			return {
				alias: X,
				name: Y,
				value: ce
			};
		}
		throw new s("intrinsic " + W + " does not exist!");
	};
	return nu = function(W, te) {
		if (typeof W != "string" || W.length === 0) throw new o("intrinsic name must be a non-empty string");
		if (arguments.length > 1 && typeof te != "boolean") throw new o("\"allowMissing\" argument must be a boolean");
		if (U(/^%?[^%]*%?$/, W) === null) throw new s("`%` may not be present anywhere but at the beginning and end of the intrinsic name");
		var Y = J(W), X = Y.length > 0 ? Y[0] : "", ce = ee("%" + X + "%", te), Z = ce.name, ne = ce.value, de = !1, be = ce.alias;
		be && (X = be[0], D(Y, B([0, 1], be)));
		for (var ge = 1, Ae = !0; ge < Y.length; ge += 1) {
			var we = Y[ge], ve = K(we, 0, 1), Oe = K(we, -1);
			if ((ve === "\"" || ve === "'" || ve === "`" || Oe === "\"" || Oe === "'" || Oe === "`") && ve !== Oe) throw new s("property names with quotes must have matching quotes");
			if ((we === "constructor" || !Ae) && (de = !0), X += "." + we, Z = "%" + X + "%", v(w, Z)) ne = w[Z];
			else if (ne != null) {
				if (!(we in ne)) {
					if (!te) throw new o("base intrinsic for " + W + " exists, but the property is not available.");
					return;
				}
				if (d && ge + 1 >= Y.length) {
					var xe = d(ne, we);
					Ae = !!xe, Ae && "get" in xe && !("originalValue" in xe.get) ? ne = xe.get : ne = ne[we];
				} else Ae = v(ne, we), ne = ne[we];
				Ae && !de && (w[Z] = ne);
			}
		}
		return ne;
	}, nu;
}
function fu() {
	if (Rg) return iu;
	Rg = !0;
	var e = Tr()("%Object.defineProperty%", !0) || !1;
	if (e) try {
		e({}, "a", { value: 1 });
	} catch {
		e = !1;
	}
	return iu = e, iu;
}
function Dg() {
	if (kg) return ou;
	kg = !0;
	var e = Tr()("%Object.getOwnPropertyDescriptor%", !0);
	if (e) try {
		e([], "length");
	} catch {
		e = null;
	}
	return ou = e, ou;
}
function WE() {
	if (Cg) return su;
	Cg = !0;
	var t = fu(), e = qg(), r = sn(), n = Dg();
	return su = function(s, o, u) {
		if (!s || typeof s != "object" && typeof s != "function") throw new r("`obj` must be an object or a function`");
		if (typeof o != "string" && typeof o != "symbol") throw new r("`property` must be a string or a symbol`");
		if (arguments.length > 3 && typeof arguments[3] != "boolean" && arguments[3] !== null) throw new r("`nonEnumerable`, if provided, must be a boolean or null");
		if (arguments.length > 4 && typeof arguments[4] != "boolean" && arguments[4] !== null) throw new r("`nonWritable`, if provided, must be a boolean or null");
		if (arguments.length > 5 && typeof arguments[5] != "boolean" && arguments[5] !== null) throw new r("`nonConfigurable`, if provided, must be a boolean or null");
		if (arguments.length > 6 && typeof arguments[6] != "boolean") throw new r("`loose`, if provided, must be a boolean");
		var c = arguments.length > 3 ? arguments[3] : null, f = arguments.length > 4 ? arguments[4] : null, d = arguments.length > 5 ? arguments[5] : null, h = arguments.length > 6 ? arguments[6] : !1, _ = !!n && n(s, o);
		if (t) t(s, o, {
			configurable: d === null && _ ? _.configurable : !d,
			enumerable: c === null && _ ? _.enumerable : !c,
			value: u,
			writable: f === null && _ ? _.writable : !f
		});
		else if (h || !c && !f && !d) s[o] = u;
		else throw new e("This environment does not support defining a property as non-configurable, non-writable, or non-enumerable.");
	}, su;
}
function VE() {
	if (Mg) return au;
	Mg = !0;
	var t = fu(), e = function() {
		return !!t;
	};
	return e.hasArrayLengthDefineBug = function() {
		if (!t) return null;
		try {
			return t([], "length", { value: 1 }).length !== 1;
		} catch {
			return !0;
		}
	}, au = e, au;
}
function HE() {
	if (Bg) return uu;
	Bg = !0;
	var t = Tr(), e = WE(), r = VE()(), n = Dg(), i = sn(), s = t("%Math.floor%");
	return uu = function(u, c) {
		if (typeof u != "function") throw new i("`fn` is not a function");
		if (typeof c != "number" || c < 0 || c > 4294967295 || s(c) !== c) throw new i("`length` must be a positive 32-bit integer");
		var f = arguments.length > 2 && !!arguments[2], d = !0, h = !0;
		if ("length" in u && n) {
			var _ = n(u, "length");
			_ && !_.configurable && (d = !1), _ && !_.writable && (h = !1);
		}
		return (d || h || !f) && (r ? e(u, "length", c, !0, !0) : e(u, "length", c)), u;
	}, uu;
}
function zE() {
	if (Ng) return ri;
	Ng = !0;
	var t = cu(), e = Tr(), r = HE(), n = sn(), i = e("%Function.prototype.apply%"), s = e("%Function.prototype.call%"), o = e("%Reflect.apply%", !0) || t.call(s, i), u = fu(), c = e("%Math.max%");
	ri = function(h) {
		if (typeof h != "function") throw new n("a function is required");
		return r(o(t, s, arguments), 1 + c(0, h.length - (arguments.length - 1)), !0);
	};
	var f = function() {
		return o(t, i, arguments);
	};
	return u ? u(ri, "apply", { value: f }) : ri.apply = f, ri;
}
function Ug() {
	if (Lg) return lu;
	Lg = !0;
	var t = Tr(), e = zE(), r = e(t("String.prototype.indexOf"));
	return lu = function(i, s) {
		var o = t(i, !!s);
		return typeof o == "function" && r(i, ".prototype.") > -1 ? e(o) : o;
	}, lu;
}
var Va;
var yg;
var Ha;
var bg;
var za;
var mg;
var Ga;
var _g;
var Qa;
var wg;
var Ka;
var vg;
var Ya;
var Sg;
var Ja;
var Eg;
var Xa;
var Ag;
var Za;
var Ig;
var eu;
var xg;
var tu;
var Tg;
var ru;
var Pg;
var nu;
var Og;
var iu;
var Rg;
var ou;
var kg;
var su;
var Cg;
var au;
var Mg;
var uu;
var Bg;
var ri;
var Ng;
var lu;
var Lg;
var Fg = ze(() => {
	x();
	P();
	T();
	Va = {}, yg = !1;
	Ha = {}, bg = !1;
	za = {}, mg = !1;
	Ga = {}, _g = !1;
	Qa = {}, wg = !1;
	Ka = {}, vg = !1;
	Ya = {}, Sg = !1;
	Ja = {}, Eg = !1;
	Xa = {}, Ag = !1;
	Za = {}, Ig = !1;
	eu = {}, xg = !1;
	tu = {}, Tg = !1;
	ru = {}, Pg = !1;
	nu = {}, Og = !1;
	iu = {}, Rg = !1;
	ou = {}, kg = !1;
	su = {}, Cg = !1;
	au = {}, Mg = !1;
	uu = {}, Bg = !1;
	ri = {}, Ng = !1;
	lu = {}, Lg = !1;
});
function gu(t) {
	throw new Error("Node.js process " + t + " is not supported by JSPM core outside of Node.js");
}
function GE() {
	!an || !Pr || (an = !1, Pr.length ? Dt = Pr.concat(Dt) : bo = -1, Dt.length && jg());
}
function jg() {
	if (!an) {
		var t = setTimeout(GE, 0);
		an = !0;
		for (var e = Dt.length; e;) {
			for (Pr = Dt, Dt = []; ++bo < e;) Pr && Pr[bo].run();
			bo = -1, e = Dt.length;
		}
		Pr = null, an = !1, clearTimeout(t);
	}
}
function QE(t) {
	var e = new Array(arguments.length - 1);
	if (arguments.length > 1) for (var r = 1; r < arguments.length; r++) e[r - 1] = arguments[r];
	Dt.push(new $g(t, e)), Dt.length === 1 && !an && setTimeout(jg, 0);
}
function $g(t, e) {
	this.fun = t, this.array = e;
}
function $e() {}
function f1(t) {
	gu("_linkedBinding");
}
function g1(t) {
	gu("dlopen");
}
function y1() {
	return [];
}
function b1() {
	return [];
}
function x1(t, e) {
	if (!t) throw new Error(e || "assertion error");
}
function R1() {
	return !1;
}
function G1() {
	return ir.now() / 1e3;
}
function pu(t) {
	var e = Math.floor((Date.now() - ir.now()) * .001), r = ir.now() * .001, n = Math.floor(r) + e, i = Math.floor(r % 1 * 1e9);
	return t && (n = n - t[0], i = i - t[1], i < 0 && (n--, i += hu)), [n, i];
}
function or() {
	return bu;
}
function oA(t) {
	return [];
}
var Dt;
var an;
var Pr;
var bo;
var KE;
var YE;
var JE;
var XE;
var ZE;
var e1;
var t1;
var r1;
var n1;
var i1;
var o1;
var s1;
var a1;
var u1;
var l1;
var c1;
var d1;
var h1;
var p1;
var m1;
var _1;
var yu;
var w1;
var v1$1;
var S1;
var E1;
var A1;
var I1;
var T1;
var P1;
var O1;
var k1;
var C1;
var M1;
var B1;
var N1;
var L1;
var q1;
var D1;
var U1;
var F1;
var j1;
var $1;
var W1;
var V1;
var H1;
var z1;
var ir;
var du;
var hu;
var Q1;
var K1;
var Y1;
var J1;
var X1;
var Z1;
var eA;
var tA;
var rA;
var nA;
var iA;
var bu;
var mu = ze(() => {
	x();
	P();
	T();
	Dt = [], an = !1, bo = -1;
	$g.prototype.run = function() {
		this.fun.apply(null, this.array);
	};
	KE = "browser", YE = "x64", JE = "browser", XE = {
		PATH: "/usr/bin",
		LANG: navigator.language + ".UTF-8",
		PWD: "/",
		HOME: "/home",
		TMP: "/tmp"
	}, ZE = ["/usr/bin/node"], e1 = [], t1 = "v16.8.0", r1 = {}, n1 = function(t, e) {
		console.warn((e ? e + ": " : "") + t);
	}, i1 = function(t) {
		gu("binding");
	}, o1 = function(t) {
		return 0;
	}, s1 = function() {
		return "/";
	}, a1 = function(t) {}, u1 = {
		name: "node",
		sourceUrl: "",
		headersUrl: "",
		libUrl: ""
	};
	l1 = $e, c1 = [];
	d1 = {}, h1 = !1, p1 = {};
	m1 = $e, _1 = $e, yu = function() {
		return {};
	}, w1 = yu, v1$1 = yu, S1 = $e, E1 = $e, A1 = $e, I1 = {};
	T1 = {
		inspector: !1,
		debug: !1,
		uv: !1,
		ipv6: !1,
		tls_alpn: !1,
		tls_sni: !1,
		tls_ocsp: !1,
		tls: !1,
		cached_builtins: !0
	}, P1 = $e, O1 = $e;
	k1 = $e, C1 = $e, M1 = $e, B1 = $e, N1 = $e, L1 = void 0, q1 = void 0, D1 = void 0, U1 = $e, F1 = 2, j1 = 1, $1 = "/bin/usr/node", W1 = 9229, V1 = "node", H1 = [], z1 = $e, ir = {
		now: typeof performance < "u" ? performance.now.bind(performance) : void 0,
		timing: typeof performance < "u" ? performance.timing : void 0
	};
	ir.now === void 0 && (du = Date.now(), ir.timing && ir.timing.navigationStart && (du = ir.timing.navigationStart), ir.now = () => Date.now() - du);
	hu = 1e9;
	pu.bigint = function(t) {
		var e = pu(t);
		return typeof BigInt > "u" ? e[0] * hu + e[1] : BigInt(e[0] * hu) + BigInt(e[1]);
	};
	Q1 = 10, K1 = {}, Y1 = 0;
	J1 = or, X1 = or, Z1 = or, eA = or, tA = or, rA = $e, nA = or, iA = or;
	bu = {
		version: t1,
		versions: r1,
		arch: YE,
		platform: JE,
		release: u1,
		_rawDebug: l1,
		moduleLoadList: c1,
		binding: i1,
		_linkedBinding: f1,
		_events: K1,
		_eventsCount: Y1,
		_maxListeners: Q1,
		on: or,
		addListener: J1,
		once: X1,
		off: Z1,
		removeListener: eA,
		removeAllListeners: tA,
		emit: rA,
		prependListener: nA,
		prependOnceListener: iA,
		listeners: oA,
		domain: d1,
		_exiting: h1,
		config: p1,
		dlopen: g1,
		uptime: G1,
		_getActiveRequests: y1,
		_getActiveHandles: b1,
		reallyExit: m1,
		_kill: _1,
		cpuUsage: yu,
		resourceUsage: w1,
		memoryUsage: v1$1,
		kill: S1,
		exit: E1,
		openStdin: A1,
		allowedNodeEnvironmentFlags: I1,
		assert: x1,
		features: T1,
		_fatalExceptions: P1,
		setUncaughtExceptionCaptureCallback: O1,
		hasUncaughtExceptionCaptureCallback: R1,
		emitWarning: n1,
		nextTick: QE,
		_tickCallback: k1,
		_debugProcess: C1,
		_debugEnd: M1,
		_startProfilerIdleNotifier: B1,
		_stopProfilerIdleNotifier: N1,
		stdout: L1,
		stdin: D1,
		stderr: q1,
		abort: U1,
		umask: o1,
		chdir: a1,
		cwd: s1,
		env: XE,
		title: KE,
		argv: ZE,
		execArgv: e1,
		pid: F1,
		ppid: j1,
		execPath: $1,
		debugPort: W1,
		hrtime: pu,
		argv0: V1,
		_preload_modules: H1,
		setSourceMapsEnabled: z1
	};
});
function sA() {
	if (Wg) return _u;
	Wg = !0;
	var t = bu;
	function e(s) {
		if (typeof s != "string") throw new TypeError("Path must be a string. Received " + JSON.stringify(s));
	}
	function r(s, o) {
		for (var u = "", c = 0, f = -1, d = 0, h, _ = 0; _ <= s.length; ++_) {
			if (_ < s.length) h = s.charCodeAt(_);
			else {
				if (h === 47) break;
				h = 47;
			}
			if (h === 47) {
				if (!(f === _ - 1 || d === 1)) if (f !== _ - 1 && d === 2) {
					if (u.length < 2 || c !== 2 || u.charCodeAt(u.length - 1) !== 46 || u.charCodeAt(u.length - 2) !== 46) {
						if (u.length > 2) {
							var y = u.lastIndexOf("/");
							if (y !== u.length - 1) {
								y === -1 ? (u = "", c = 0) : (u = u.slice(0, y), c = u.length - 1 - u.lastIndexOf("/")), f = _, d = 0;
								continue;
							}
						} else if (u.length === 2 || u.length === 1) {
							u = "", c = 0, f = _, d = 0;
							continue;
						}
					}
					o && (u.length > 0 ? u += "/.." : u = "..", c = 2);
				} else u.length > 0 ? u += "/" + s.slice(f + 1, _) : u = s.slice(f + 1, _), c = _ - f - 1;
				f = _, d = 0;
			} else h === 46 && d !== -1 ? ++d : d = -1;
		}
		return u;
	}
	function n(s, o) {
		var u = o.dir || o.root, c = o.base || (o.name || "") + (o.ext || "");
		return u ? u === o.root ? u + c : u + s + c : c;
	}
	var i = {
		resolve: function() {
			for (var o = "", u = !1, c, f = arguments.length - 1; f >= -1 && !u; f--) {
				var d;
				f >= 0 ? d = arguments[f] : (c === void 0 && (c = t.cwd()), d = c), e(d), d.length !== 0 && (o = d + "/" + o, u = d.charCodeAt(0) === 47);
			}
			return o = r(o, !u), u ? o.length > 0 ? "/" + o : "/" : o.length > 0 ? o : ".";
		},
		normalize: function(o) {
			if (e(o), o.length === 0) return ".";
			var u = o.charCodeAt(0) === 47, c = o.charCodeAt(o.length - 1) === 47;
			return o = r(o, !u), o.length === 0 && !u && (o = "."), o.length > 0 && c && (o += "/"), u ? "/" + o : o;
		},
		isAbsolute: function(o) {
			return e(o), o.length > 0 && o.charCodeAt(0) === 47;
		},
		join: function() {
			if (arguments.length === 0) return ".";
			for (var o, u = 0; u < arguments.length; ++u) {
				var c = arguments[u];
				e(c), c.length > 0 && (o === void 0 ? o = c : o += "/" + c);
			}
			return o === void 0 ? "." : i.normalize(o);
		},
		relative: function(o, u) {
			if (e(o), e(u), o === u || (o = i.resolve(o), u = i.resolve(u), o === u)) return "";
			for (var c = 1; c < o.length && o.charCodeAt(c) === 47; ++c);
			for (var f = o.length, d = f - c, h = 1; h < u.length && u.charCodeAt(h) === 47; ++h);
			for (var y = u.length - h, I = d < y ? d : y, S = -1, b = 0; b <= I; ++b) {
				if (b === I) {
					if (y > I) {
						if (u.charCodeAt(h + b) === 47) return u.slice(h + b + 1);
						if (b === 0) return u.slice(h + b);
					} else d > I && (o.charCodeAt(c + b) === 47 ? S = b : b === 0 && (S = 0));
					break;
				}
				var m = o.charCodeAt(c + b);
				if (m !== u.charCodeAt(h + b)) break;
				m === 47 && (S = b);
			}
			var R = "";
			for (b = c + S + 1; b <= f; ++b) (b === f || o.charCodeAt(b) === 47) && (R.length === 0 ? R += ".." : R += "/..");
			return R.length > 0 ? R + u.slice(h + S) : (h += S, u.charCodeAt(h) === 47 && ++h, u.slice(h));
		},
		_makeLong: function(o) {
			return o;
		},
		dirname: function(o) {
			if (e(o), o.length === 0) return ".";
			for (var u = o.charCodeAt(0), c = u === 47, f = -1, d = !0, h = o.length - 1; h >= 1; --h) if (u = o.charCodeAt(h), u === 47) {
				if (!d) {
					f = h;
					break;
				}
			} else d = !1;
			return f === -1 ? c ? "/" : "." : c && f === 1 ? "//" : o.slice(0, f);
		},
		basename: function(o, u) {
			if (u !== void 0 && typeof u != "string") throw new TypeError("\"ext\" argument must be a string");
			e(o);
			var c = 0, f = -1, d = !0, h;
			if (u !== void 0 && u.length > 0 && u.length <= o.length) {
				if (u.length === o.length && u === o) return "";
				var _ = u.length - 1, y = -1;
				for (h = o.length - 1; h >= 0; --h) {
					var I = o.charCodeAt(h);
					if (I === 47) {
						if (!d) {
							c = h + 1;
							break;
						}
					} else y === -1 && (d = !1, y = h + 1), _ >= 0 && (I === u.charCodeAt(_) ? --_ === -1 && (f = h) : (_ = -1, f = y));
				}
				return c === f ? f = y : f === -1 && (f = o.length), o.slice(c, f);
			} else {
				for (h = o.length - 1; h >= 0; --h) if (o.charCodeAt(h) === 47) {
					if (!d) {
						c = h + 1;
						break;
					}
				} else f === -1 && (d = !1, f = h + 1);
				return f === -1 ? "" : o.slice(c, f);
			}
		},
		extname: function(o) {
			e(o);
			for (var u = -1, c = 0, f = -1, d = !0, h = 0, _ = o.length - 1; _ >= 0; --_) {
				var y = o.charCodeAt(_);
				if (y === 47) {
					if (!d) {
						c = _ + 1;
						break;
					}
					continue;
				}
				f === -1 && (d = !1, f = _ + 1), y === 46 ? u === -1 ? u = _ : h !== 1 && (h = 1) : u !== -1 && (h = -1);
			}
			return u === -1 || f === -1 || h === 0 || h === 1 && u === f - 1 && u === c + 1 ? "" : o.slice(u, f);
		},
		format: function(o) {
			if (o === null || typeof o != "object") throw new TypeError("The \"pathObject\" argument must be of type Object. Received type " + typeof o);
			return n("/", o);
		},
		parse: function(o) {
			e(o);
			var u = {
				root: "",
				dir: "",
				base: "",
				ext: "",
				name: ""
			};
			if (o.length === 0) return u;
			var c = o.charCodeAt(0), f = c === 47, d;
			f ? (u.root = "/", d = 1) : d = 0;
			for (var h = -1, _ = 0, y = -1, I = !0, S = o.length - 1, b = 0; S >= d; --S) {
				if (c = o.charCodeAt(S), c === 47) {
					if (!I) {
						_ = S + 1;
						break;
					}
					continue;
				}
				y === -1 && (I = !1, y = S + 1), c === 46 ? h === -1 ? h = S : b !== 1 && (b = 1) : h !== -1 && (b = -1);
			}
			return h === -1 || y === -1 || b === 0 || b === 1 && h === y - 1 && h === _ + 1 ? y !== -1 && (_ === 0 && f ? u.base = u.name = o.slice(1, y) : u.base = u.name = o.slice(_, y)) : (_ === 0 && f ? (u.name = o.slice(1, h), u.base = o.slice(1, y)) : (u.name = o.slice(_, h), u.base = o.slice(_, y)), u.ext = o.slice(h, y)), _ > 0 ? u.dir = o.slice(0, _ - 1) : f && (u.dir = "/"), u;
		},
		sep: "/",
		delimiter: ":",
		win32: null,
		posix: null
	};
	return i.posix = i, _u = i, _u;
}
var _u;
var Wg;
var wu;
var Vg = ze(() => {
	x();
	P();
	T();
	mu();
	_u = {}, Wg = !1;
	wu = sA();
});
var ry = {};
Mr(ry, {
	URL: () => wA,
	Url: () => gA,
	default: () => He,
	fileURLToPath: () => ey,
	format: () => yA,
	parse: () => _A,
	pathToFileURL: () => ty,
	resolve: () => bA,
	resolveObject: () => mA
});
function uA() {
	if (Hg) return vu;
	Hg = !0;
	var t = typeof Map == "function" && Map.prototype, e = Object.getOwnPropertyDescriptor && t ? Object.getOwnPropertyDescriptor(Map.prototype, "size") : null, r = t && e && typeof e.get == "function" ? e.get : null, n = t && Map.prototype.forEach, i = typeof Set == "function" && Set.prototype, s = Object.getOwnPropertyDescriptor && i ? Object.getOwnPropertyDescriptor(Set.prototype, "size") : null, o = i && s && typeof s.get == "function" ? s.get : null, u = i && Set.prototype.forEach, f = typeof WeakMap == "function" && WeakMap.prototype ? WeakMap.prototype.has : null, h = typeof WeakSet == "function" && WeakSet.prototype ? WeakSet.prototype.has : null, y = typeof WeakRef == "function" && WeakRef.prototype ? WeakRef.prototype.deref : null, I = Boolean.prototype.valueOf, S = Object.prototype.toString, b = Function.prototype.toString, m = String.prototype.match, w = String.prototype.slice, R = String.prototype.replace, A = String.prototype.toUpperCase, g = String.prototype.toLowerCase, O = RegExp.prototype.test, v = Array.prototype.concat, B = Array.prototype.join, D = Array.prototype.slice, L = Math.floor, K = typeof BigInt == "function" ? BigInt.prototype.valueOf : null, U = Object.getOwnPropertySymbols, $ = typeof Symbol == "function" && typeof Symbol.iterator == "symbol" ? Symbol.prototype.toString : null, G = typeof Symbol == "function" && typeof Symbol.iterator == "object", J = typeof Symbol == "function" && Symbol.toStringTag && (typeof Symbol.toStringTag === G || !0) ? Symbol.toStringTag : null, ee = Object.prototype.propertyIsEnumerable, z = (typeof Reflect == "function" ? Reflect.getPrototypeOf : Object.getPrototypeOf) || ([].__proto__ === Array.prototype ? function(k) {
		return k.__proto__;
	} : null);
	function W(k, M) {
		if (k === 1 / 0 || k === -1 / 0 || k !== k || k && k > -1e3 && k < 1e3 || O.call(/e/, M)) return M;
		var re = /[0-9](?=(?:[0-9]{3})+(?![0-9]))/g;
		if (typeof k == "number") {
			var ie = k < 0 ? -L(-k) : L(k);
			if (ie !== k) {
				var oe = String(ie), fe = w.call(M, oe.length + 1);
				return R.call(oe, re, "$&_") + "." + R.call(R.call(fe, /([0-9]{3})/g, "$&_"), /_$/, "");
			}
		}
		return R.call(M, re, "$&_");
	}
	var te = aA, Y = te.custom, X = Oe(Y) ? Y : null;
	vu = function k(M, re, ie, oe) {
		var fe = re || {};
		if (Re(fe, "quoteStyle") && fe.quoteStyle !== "single" && fe.quoteStyle !== "double") throw new TypeError("option \"quoteStyle\" must be \"single\" or \"double\"");
		if (Re(fe, "maxStringLength") && (typeof fe.maxStringLength == "number" ? fe.maxStringLength < 0 && fe.maxStringLength !== 1 / 0 : fe.maxStringLength !== null)) throw new TypeError("option \"maxStringLength\", if provided, must be a positive integer, Infinity, or `null`");
		var Ft = Re(fe, "customInspect") ? fe.customInspect : !0;
		if (typeof Ft != "boolean" && Ft !== "symbol") throw new TypeError("option \"customInspect\", if provided, must be `true`, `false`, or `'symbol'`");
		if (Re(fe, "indent") && fe.indent !== null && fe.indent !== "	" && !(parseInt(fe.indent, 10) === fe.indent && fe.indent > 0)) throw new TypeError("option \"indent\" must be \"\\t\", an integer > 0, or `null`");
		if (Re(fe, "numericSeparator") && typeof fe.numericSeparator != "boolean") throw new TypeError("option \"numericSeparator\", if provided, must be `true` or `false`");
		var ur = fe.numericSeparator;
		if (typeof M > "u") return "undefined";
		if (M === null) return "null";
		if (typeof M == "boolean") return M ? "true" : "false";
		if (typeof M == "string") return ot(M, fe);
		if (typeof M == "number") {
			if (M === 0) return 1 / 0 / M > 0 ? "0" : "-0";
			var Ke = String(M);
			return ur ? W(M, Ke) : Ke;
		}
		if (typeof M == "bigint") {
			var jt = String(M) + "n";
			return ur ? W(M, jt) : jt;
		}
		var Eo = typeof fe.depth > "u" ? 5 : fe.depth;
		if (typeof ie > "u" && (ie = 0), ie >= Eo && Eo > 0 && typeof M == "object") return ne(M) ? "[Array]" : "[Object]";
		var kr = C(fe, ie);
		if (typeof oe > "u") oe = [];
		else if (Et(oe, M) >= 0) return "[Circular]";
		function st(Cr, fi, Iy) {
			if (fi && (oe = D.call(oe), oe.push(fi)), Iy) {
				var nl = { depth: fe.depth };
				return Re(fe, "quoteStyle") && (nl.quoteStyle = fe.quoteStyle), k(Cr, nl, ie + 1, oe);
			}
			return k(Cr, fe, ie + 1, oe);
		}
		if (typeof M == "function" && !be(M)) {
			var Yu = St(M), Ju = F(M, st);
			return "[Function" + (Yu ? ": " + Yu : " (anonymous)") + "]" + (Ju.length > 0 ? " { " + B.call(Ju, ", ") + " }" : "");
		}
		if (Oe(M)) {
			var Xu = G ? R.call(String(M), /^(Symbol\(.*\))_[^)]*$/, "$1") : $.call(M);
			return typeof M == "object" && !G ? p(Xu) : Xu;
		}
		if (vo(M)) {
			for (var dn = "<" + g.call(String(M.nodeName)), Ao = M.attributes || [], ci = 0; ci < Ao.length; ci++) dn += " " + Ao[ci].name + "=" + ce(Z(Ao[ci].value), "double", fe);
			return dn += ">", M.childNodes && M.childNodes.length && (dn += "..."), dn += "</" + g.call(String(M.nodeName)) + ">", dn;
		}
		if (ne(M)) {
			if (M.length === 0) return "[]";
			var Io = F(M, st);
			return kr && !E(Io) ? "[" + N(Io, kr) + "]" : "[ " + B.call(Io, ", ") + " ]";
		}
		if (ge(M)) {
			var xo = F(M, st);
			return !("cause" in Error.prototype) && "cause" in M && !ee.call(M, "cause") ? "{ [" + String(M) + "] " + B.call(v.call("[cause]: " + st(M.cause), xo), ", ") + " }" : xo.length === 0 ? "[" + String(M) + "]" : "{ [" + String(M) + "] " + B.call(xo, ", ") + " }";
		}
		if (typeof M == "object" && Ft) {
			if (X && typeof M[X] == "function" && te) return te(M, { depth: Eo - ie });
			if (Ft !== "symbol" && typeof M.inspect == "function") return M.inspect();
		}
		if (cn(M)) {
			var Zu = [];
			return n && n.call(M, function(Cr, fi) {
				Zu.push(st(fi, M, !0) + " => " + st(Cr, M));
			}), l("Map", r.call(M), Zu, kr);
		}
		if (Xe(M)) {
			var el = [];
			return u && u.call(M, function(Cr) {
				el.push(st(Cr, M));
			}), l("Set", o.call(M), el, kr);
		}
		if (li(M)) return a("WeakMap");
		if (fn(M)) return a("WeakSet");
		if (Rr(M)) return a("WeakRef");
		if (we(M)) return p(st(Number(M)));
		if (xe(M)) return p(st(K.call(M)));
		if (ve(M)) return p(I.call(M));
		if (Ae(M)) return p(st(String(M)));
		if (typeof window < "u" && M === window) return "{ [object Window] }";
		if (typeof globalThis < "u" && M === globalThis || typeof Su < "u" && M === Su) return "{ [object globalThis] }";
		if (!de(M) && !be(M)) {
			var To = F(M, st), tl = z ? z(M) === Object.prototype : M instanceof Object || M.constructor === Object, Po = M instanceof Object ? "" : "null prototype", rl = !tl && J && Object(M) === M && J in M ? w.call(Ne(M), 8, -1) : Po ? "Object" : "", Oo = (tl || typeof M.constructor != "function" ? "" : M.constructor.name ? M.constructor.name + " " : "") + (rl || Po ? "[" + B.call(v.call([], rl || [], Po || []), ": ") + "] " : "");
			return To.length === 0 ? Oo + "{}" : kr ? Oo + "{" + N(To, kr) + "}" : Oo + "{ " + B.call(To, ", ") + " }";
		}
		return String(M);
	};
	function ce(k, M, re) {
		var ie = (re.quoteStyle || M) === "double" ? "\"" : "'";
		return ie + k + ie;
	}
	function Z(k) {
		return R.call(String(k), /"/g, "&quot;");
	}
	function ne(k) {
		return Ne(k) === "[object Array]" && (!J || !(typeof k == "object" && J in k));
	}
	function de(k) {
		return Ne(k) === "[object Date]" && (!J || !(typeof k == "object" && J in k));
	}
	function be(k) {
		return Ne(k) === "[object RegExp]" && (!J || !(typeof k == "object" && J in k));
	}
	function ge(k) {
		return Ne(k) === "[object Error]" && (!J || !(typeof k == "object" && J in k));
	}
	function Ae(k) {
		return Ne(k) === "[object String]" && (!J || !(typeof k == "object" && J in k));
	}
	function we(k) {
		return Ne(k) === "[object Number]" && (!J || !(typeof k == "object" && J in k));
	}
	function ve(k) {
		return Ne(k) === "[object Boolean]" && (!J || !(typeof k == "object" && J in k));
	}
	function Oe(k) {
		if (G) return k && typeof k == "object" && k instanceof Symbol;
		if (typeof k == "symbol") return !0;
		if (!k || typeof k != "object" || !$) return !1;
		try {
			return $.call(k), !0;
		} catch {}
		return !1;
	}
	function xe(k) {
		if (!k || typeof k != "object" || !K) return !1;
		try {
			return K.call(k), !0;
		} catch {}
		return !1;
	}
	var it = Object.prototype.hasOwnProperty || function(k) {
		return k in (this || Su);
	};
	function Re(k, M) {
		return it.call(k, M);
	}
	function Ne(k) {
		return S.call(k);
	}
	function St(k) {
		if (k.name) return k.name;
		var M = m.call(b.call(k), /^function\s*([\w$]+)/);
		return M ? M[1] : null;
	}
	function Et(k, M) {
		if (k.indexOf) return k.indexOf(M);
		for (var re = 0, ie = k.length; re < ie; re++) if (k[re] === M) return re;
		return -1;
	}
	function cn(k) {
		if (!r || !k || typeof k != "object") return !1;
		try {
			r.call(k);
			try {
				o.call(k);
			} catch {
				return !0;
			}
			return k instanceof Map;
		} catch {}
		return !1;
	}
	function li(k) {
		if (!f || !k || typeof k != "object") return !1;
		try {
			f.call(k, f);
			try {
				h.call(k, h);
			} catch {
				return !0;
			}
			return k instanceof WeakMap;
		} catch {}
		return !1;
	}
	function Rr(k) {
		if (!y || !k || typeof k != "object") return !1;
		try {
			return y.call(k), !0;
		} catch {}
		return !1;
	}
	function Xe(k) {
		if (!o || !k || typeof k != "object") return !1;
		try {
			o.call(k);
			try {
				r.call(k);
			} catch {
				return !0;
			}
			return k instanceof Set;
		} catch {}
		return !1;
	}
	function fn(k) {
		if (!h || !k || typeof k != "object") return !1;
		try {
			h.call(k, h);
			try {
				f.call(k, f);
			} catch {
				return !0;
			}
			return k instanceof WeakSet;
		} catch {}
		return !1;
	}
	function vo(k) {
		return !k || typeof k != "object" ? !1 : typeof HTMLElement < "u" && k instanceof HTMLElement ? !0 : typeof k.nodeName == "string" && typeof k.getAttribute == "function";
	}
	function ot(k, M) {
		if (k.length > M.maxStringLength) {
			var re = k.length - M.maxStringLength, ie = "... " + re + " more character" + (re > 1 ? "s" : "");
			return ot(w.call(k, 0, M.maxStringLength), M) + ie;
		}
		return ce(R.call(R.call(k, /(['\\])/g, "\\$1"), /[\x00-\x1f]/g, So), "single", M);
	}
	function So(k) {
		var M = k.charCodeAt(0), re = {
			8: "b",
			9: "t",
			10: "n",
			12: "f",
			13: "r"
		}[M];
		return re ? "\\" + re : "\\x" + (M < 16 ? "0" : "") + A.call(M.toString(16));
	}
	function p(k) {
		return "Object(" + k + ")";
	}
	function a(k) {
		return k + " { ? }";
	}
	function l(k, M, re, ie) {
		var oe = ie ? N(re, ie) : B.call(re, ", ");
		return k + " (" + M + ") {" + oe + "}";
	}
	function E(k) {
		for (var M = 0; M < k.length; M++) if (Et(k[M], `
`) >= 0) return !1;
		return !0;
	}
	function C(k, M) {
		var re;
		if (k.indent === "	") re = "	";
		else if (typeof k.indent == "number" && k.indent > 0) re = B.call(Array(k.indent + 1), " ");
		else return null;
		return {
			base: re,
			prev: B.call(Array(M + 1), re)
		};
	}
	function N(k, M) {
		if (k.length === 0) return "";
		var re = `
` + M.prev + M.base;
		return re + B.call(k, "," + re) + `
` + M.prev;
	}
	function F(k, M) {
		var re = ne(k), ie = [];
		if (re) {
			ie.length = k.length;
			for (var oe = 0; oe < k.length; oe++) ie[oe] = Re(k, oe) ? M(k[oe], k) : "";
		}
		var fe = typeof U == "function" ? U(k) : [], Ft;
		if (G) {
			Ft = {};
			for (var ur = 0; ur < fe.length; ur++) Ft["$" + fe[ur]] = fe[ur];
		}
		for (var Ke in k) Re(k, Ke) && (re && String(Number(Ke)) === Ke && Ke < k.length || G && Ft["$" + Ke] instanceof Symbol || (O.call(/[^\w$]/, Ke) ? ie.push(M(Ke, k) + ": " + M(k[Ke], k)) : ie.push(Ke + ": " + M(k[Ke], k))));
		if (typeof U == "function") for (var jt = 0; jt < fe.length; jt++) ee.call(k, fe[jt]) && ie.push("[" + M(fe[jt]) + "]: " + M(k[fe[jt]], k));
		return ie;
	}
	return vu;
}
function lA() {
	if (zg) return Eu;
	zg = !0;
	var t = Tr(), e = Ug(), r = uA(), n = sn(), i = t("%WeakMap%", !0), s = t("%Map%", !0), o = e("WeakMap.prototype.get", !0), u = e("WeakMap.prototype.set", !0), c = e("WeakMap.prototype.has", !0), f = e("Map.prototype.get", !0), d = e("Map.prototype.set", !0), h = e("Map.prototype.has", !0), _ = function(b, m) {
		for (var w = b, R; (R = w.next) !== null; w = R) if (R.key === m) return w.next = R.next, R.next = b.next, b.next = R, R;
	}, y = function(b, m) {
		var w = _(b, m);
		return w && w.value;
	}, I = function(b, m, w) {
		var R = _(b, m);
		R ? R.value = w : b.next = {
			key: m,
			next: b.next,
			value: w
		};
	}, S = function(b, m) {
		return !!_(b, m);
	};
	return Eu = function() {
		var m, w, R, A = {
			assert: function(g) {
				if (!A.has(g)) throw new n("Side channel does not contain " + r(g));
			},
			get: function(g) {
				if (i && g && (typeof g == "object" || typeof g == "function")) {
					if (m) return o(m, g);
				} else if (s) {
					if (w) return f(w, g);
				} else if (R) return y(R, g);
			},
			has: function(g) {
				if (i && g && (typeof g == "object" || typeof g == "function")) {
					if (m) return c(m, g);
				} else if (s) {
					if (w) return h(w, g);
				} else if (R) return S(R, g);
				return !1;
			},
			set: function(g, O) {
				i && g && (typeof g == "object" || typeof g == "function") ? (m || (m = new i()), u(m, g, O)) : s ? (w || (w = new s()), d(w, g, O)) : (R || (R = {
					key: {},
					next: null
				}), I(R, g, O));
			}
		};
		return A;
	}, Eu;
}
function Ru() {
	if (Gg) return Au;
	Gg = !0;
	var t = String.prototype.replace, e = /%20/g, r = {
		RFC1738: "RFC1738",
		RFC3986: "RFC3986"
	};
	return Au = {
		default: r.RFC3986,
		formatters: {
			RFC1738: function(n) {
				return t.call(n, e, "+");
			},
			RFC3986: function(n) {
				return String(n);
			}
		},
		RFC1738: r.RFC1738,
		RFC3986: r.RFC3986
	}, Au;
}
function Zg() {
	if (Qg) return Iu;
	Qg = !0;
	var t = Ru(), e = Object.prototype.hasOwnProperty, r = Array.isArray, n = (function() {
		for (var b = [], m = 0; m < 256; ++m) b.push("%" + ((m < 16 ? "0" : "") + m.toString(16)).toUpperCase());
		return b;
	})(), i = function(m) {
		for (; m.length > 1;) {
			var w = m.pop(), R = w.obj[w.prop];
			if (r(R)) {
				for (var A = [], g = 0; g < R.length; ++g) typeof R[g] < "u" && A.push(R[g]);
				w.obj[w.prop] = A;
			}
		}
	}, s = function(m, w) {
		for (var R = w && w.plainObjects ? Object.create(null) : {}, A = 0; A < m.length; ++A) typeof m[A] < "u" && (R[A] = m[A]);
		return R;
	}, o = function b(m, w, R) {
		if (!w) return m;
		if (typeof w != "object") {
			if (r(m)) m.push(w);
			else if (m && typeof m == "object") (R && (R.plainObjects || R.allowPrototypes) || !e.call(Object.prototype, w)) && (m[w] = !0);
			else return [m, w];
			return m;
		}
		if (!m || typeof m != "object") return [m].concat(w);
		var A = m;
		return r(m) && !r(w) && (A = s(m, R)), r(m) && r(w) ? (w.forEach(function(g, O) {
			if (e.call(m, O)) {
				var v = m[O];
				v && typeof v == "object" && g && typeof g == "object" ? m[O] = b(v, g, R) : m.push(g);
			} else m[O] = g;
		}), m) : Object.keys(w).reduce(function(g, O) {
			var v = w[O];
			return e.call(g, O) ? g[O] = b(g[O], v, R) : g[O] = v, g;
		}, A);
	}, u = function(m, w) {
		return Object.keys(w).reduce(function(R, A) {
			return R[A] = w[A], R;
		}, m);
	}, c = function(b, m, w) {
		var R = b.replace(/\+/g, " ");
		if (w === "iso-8859-1") return R.replace(/%[0-9a-f]{2}/gi, unescape);
		try {
			return decodeURIComponent(R);
		} catch {
			return R;
		}
	}, f = 1024, d = function(m, w, R, A, g) {
		if (m.length === 0) return m;
		var O = m;
		if (typeof m == "symbol" ? O = Symbol.prototype.toString.call(m) : typeof m != "string" && (O = String(m)), R === "iso-8859-1") return escape(O).replace(/%u[0-9a-f]{4}/gi, function($) {
			return "%26%23" + parseInt($.slice(2), 16) + "%3B";
		});
		for (var v = "", B = 0; B < O.length; B += f) {
			for (var D = O.length >= f ? O.slice(B, B + f) : O, L = [], K = 0; K < D.length; ++K) {
				var U = D.charCodeAt(K);
				if (U === 45 || U === 46 || U === 95 || U === 126 || U >= 48 && U <= 57 || U >= 65 && U <= 90 || U >= 97 && U <= 122 || g === t.RFC1738 && (U === 40 || U === 41)) {
					L[L.length] = D.charAt(K);
					continue;
				}
				if (U < 128) {
					L[L.length] = n[U];
					continue;
				}
				if (U < 2048) {
					L[L.length] = n[192 | U >> 6] + n[128 | U & 63];
					continue;
				}
				if (U < 55296 || U >= 57344) {
					L[L.length] = n[224 | U >> 12] + n[128 | U >> 6 & 63] + n[128 | U & 63];
					continue;
				}
				K += 1, U = 65536 + ((U & 1023) << 10 | D.charCodeAt(K) & 1023), L[L.length] = n[240 | U >> 18] + n[128 | U >> 12 & 63] + n[128 | U >> 6 & 63] + n[128 | U & 63];
			}
			v += L.join("");
		}
		return v;
	}, h = function(m) {
		for (var w = [{
			obj: { o: m },
			prop: "o"
		}], R = [], A = 0; A < w.length; ++A) for (var g = w[A], O = g.obj[g.prop], v = Object.keys(O), B = 0; B < v.length; ++B) {
			var D = v[B], L = O[D];
			typeof L == "object" && L !== null && R.indexOf(L) === -1 && (w.push({
				obj: O,
				prop: D
			}), R.push(L));
		}
		return i(w), m;
	}, _ = function(m) {
		return Object.prototype.toString.call(m) === "[object RegExp]";
	}, y = function(m) {
		return !m || typeof m != "object" ? !1 : !!(m.constructor && m.constructor.isBuffer && m.constructor.isBuffer(m));
	}, I = function(m, w) {
		return [].concat(m, w);
	}, S = function(m, w) {
		if (r(m)) {
			for (var R = [], A = 0; A < m.length; A += 1) R.push(w(m[A]));
			return R;
		}
		return w(m);
	};
	return Iu = {
		arrayToObject: s,
		assign: u,
		combine: I,
		compact: h,
		decode: c,
		encode: d,
		isBuffer: y,
		isRegExp: _,
		maybeMap: S,
		merge: o
	}, Iu;
}
function cA() {
	if (Kg) return xu;
	Kg = !0;
	var t = lA(), e = Zg(), r = Ru(), n = Object.prototype.hasOwnProperty, i = {
		brackets: function(b) {
			return b + "[]";
		},
		comma: "comma",
		indices: function(b, m) {
			return b + "[" + m + "]";
		},
		repeat: function(b) {
			return b;
		}
	}, s = Array.isArray, o = Array.prototype.push, u = function(S, b) {
		o.apply(S, s(b) ? b : [b]);
	}, c = Date.prototype.toISOString, f = r.default, d = {
		addQueryPrefix: !1,
		allowDots: !1,
		allowEmptyArrays: !1,
		arrayFormat: "indices",
		charset: "utf-8",
		charsetSentinel: !1,
		delimiter: "&",
		encode: !0,
		encodeDotInKeys: !1,
		encoder: e.encode,
		encodeValuesOnly: !1,
		format: f,
		formatter: r.formatters[f],
		indices: !1,
		serializeDate: function(b) {
			return c.call(b);
		},
		skipNulls: !1,
		strictNullHandling: !1
	}, h = function(b) {
		return typeof b == "string" || typeof b == "number" || typeof b == "boolean" || typeof b == "symbol" || typeof b == "bigint";
	}, _ = {}, y = function S(b, m, w, R, A, g, O, v, B, D, L, K, U, $, G, J, ee, z) {
		for (var W = b, te = z, Y = 0, X = !1; (te = te.get(_)) !== void 0 && !X;) {
			var ce = te.get(b);
			if (Y += 1, typeof ce < "u") {
				if (ce === Y) throw new RangeError("Cyclic object value");
				X = !0;
			}
			typeof te.get(_) > "u" && (Y = 0);
		}
		if (typeof D == "function" ? W = D(m, W) : W instanceof Date ? W = U(W) : w === "comma" && s(W) && (W = e.maybeMap(W, function(Ne) {
			return Ne instanceof Date ? U(Ne) : Ne;
		})), W === null) {
			if (g) return B && !J ? B(m, d.encoder, ee, "key", $) : m;
			W = "";
		}
		if (h(W) || e.isBuffer(W)) {
			if (B) return [G(J ? m : B(m, d.encoder, ee, "key", $)) + "=" + G(B(W, d.encoder, ee, "value", $))];
			return [G(m) + "=" + G(String(W))];
		}
		var ne = [];
		if (typeof W > "u") return ne;
		var de;
		if (w === "comma" && s(W)) J && B && (W = e.maybeMap(W, B)), de = [{ value: W.length > 0 ? W.join(",") || null : void 0 }];
		else if (s(D)) de = D;
		else {
			var be = Object.keys(W);
			de = L ? be.sort(L) : be;
		}
		var ge = v ? m.replace(/\./g, "%2E") : m, Ae = R && s(W) && W.length === 1 ? ge + "[]" : ge;
		if (A && s(W) && W.length === 0) return Ae + "[]";
		for (var we = 0; we < de.length; ++we) {
			var ve = de[we], Oe = typeof ve == "object" && typeof ve.value < "u" ? ve.value : W[ve];
			if (!(O && Oe === null)) {
				var xe = K && v ? ve.replace(/\./g, "%2E") : ve, it = s(W) ? typeof w == "function" ? w(Ae, xe) : Ae : Ae + (K ? "." + xe : "[" + xe + "]");
				z.set(b, Y);
				var Re = t();
				Re.set(_, z), u(ne, S(Oe, it, w, R, A, g, O, v, w === "comma" && J && s(W) ? null : B, D, L, K, U, $, G, J, ee, Re));
			}
		}
		return ne;
	}, I = function(b) {
		if (!b) return d;
		if (typeof b.allowEmptyArrays < "u" && typeof b.allowEmptyArrays != "boolean") throw new TypeError("`allowEmptyArrays` option can only be `true` or `false`, when provided");
		if (typeof b.encodeDotInKeys < "u" && typeof b.encodeDotInKeys != "boolean") throw new TypeError("`encodeDotInKeys` option can only be `true` or `false`, when provided");
		if (b.encoder !== null && typeof b.encoder < "u" && typeof b.encoder != "function") throw new TypeError("Encoder has to be a function.");
		var m = b.charset || d.charset;
		if (typeof b.charset < "u" && b.charset !== "utf-8" && b.charset !== "iso-8859-1") throw new TypeError("The charset option must be either utf-8, iso-8859-1, or undefined");
		var w = r.default;
		if (typeof b.format < "u") {
			if (!n.call(r.formatters, b.format)) throw new TypeError("Unknown format option provided.");
			w = b.format;
		}
		var R = r.formatters[w], A = d.filter;
		(typeof b.filter == "function" || s(b.filter)) && (A = b.filter);
		var g;
		if (b.arrayFormat in i ? g = b.arrayFormat : "indices" in b ? g = b.indices ? "indices" : "repeat" : g = d.arrayFormat, "commaRoundTrip" in b && typeof b.commaRoundTrip != "boolean") throw new TypeError("`commaRoundTrip` must be a boolean, or absent");
		var O = typeof b.allowDots > "u" ? b.encodeDotInKeys === !0 ? !0 : d.allowDots : !!b.allowDots;
		return {
			addQueryPrefix: typeof b.addQueryPrefix == "boolean" ? b.addQueryPrefix : d.addQueryPrefix,
			allowDots: O,
			allowEmptyArrays: typeof b.allowEmptyArrays == "boolean" ? !!b.allowEmptyArrays : d.allowEmptyArrays,
			arrayFormat: g,
			charset: m,
			charsetSentinel: typeof b.charsetSentinel == "boolean" ? b.charsetSentinel : d.charsetSentinel,
			commaRoundTrip: b.commaRoundTrip,
			delimiter: typeof b.delimiter > "u" ? d.delimiter : b.delimiter,
			encode: typeof b.encode == "boolean" ? b.encode : d.encode,
			encodeDotInKeys: typeof b.encodeDotInKeys == "boolean" ? b.encodeDotInKeys : d.encodeDotInKeys,
			encoder: typeof b.encoder == "function" ? b.encoder : d.encoder,
			encodeValuesOnly: typeof b.encodeValuesOnly == "boolean" ? b.encodeValuesOnly : d.encodeValuesOnly,
			filter: A,
			format: w,
			formatter: R,
			serializeDate: typeof b.serializeDate == "function" ? b.serializeDate : d.serializeDate,
			skipNulls: typeof b.skipNulls == "boolean" ? b.skipNulls : d.skipNulls,
			sort: typeof b.sort == "function" ? b.sort : null,
			strictNullHandling: typeof b.strictNullHandling == "boolean" ? b.strictNullHandling : d.strictNullHandling
		};
	};
	return xu = function(S, b) {
		var m = S, w = I(b), R, A;
		typeof w.filter == "function" ? (A = w.filter, m = A("", m)) : s(w.filter) && (A = w.filter, R = A);
		var g = [];
		if (typeof m != "object" || m === null) return "";
		var O = i[w.arrayFormat], v = O === "comma" && w.commaRoundTrip;
		R || (R = Object.keys(m)), w.sort && R.sort(w.sort);
		for (var B = t(), D = 0; D < R.length; ++D) {
			var L = R[D];
			w.skipNulls && m[L] === null || u(g, y(m[L], L, O, v, w.allowEmptyArrays, w.strictNullHandling, w.skipNulls, w.encodeDotInKeys, w.encode ? w.encoder : null, w.filter, w.sort, w.allowDots, w.serializeDate, w.format, w.formatter, w.encodeValuesOnly, w.charset, B));
		}
		var K = g.join(w.delimiter), U = w.addQueryPrefix === !0 ? "?" : "";
		return w.charsetSentinel && (w.charset === "iso-8859-1" ? U += "utf8=%26%2310003%3B&" : U += "utf8=%E2%9C%93&"), K.length > 0 ? U + K : "";
	}, xu;
}
function fA() {
	if (Yg) return Tu;
	Yg = !0;
	var t = Zg(), e = Object.prototype.hasOwnProperty, r = Array.isArray, n = {
		allowDots: !1,
		allowEmptyArrays: !1,
		allowPrototypes: !1,
		allowSparse: !1,
		arrayLimit: 20,
		charset: "utf-8",
		charsetSentinel: !1,
		comma: !1,
		decodeDotInKeys: !1,
		decoder: t.decode,
		delimiter: "&",
		depth: 5,
		duplicates: "combine",
		ignoreQueryPrefix: !1,
		interpretNumericEntities: !1,
		parameterLimit: 1e3,
		parseArrays: !0,
		plainObjects: !1,
		strictDepth: !1,
		strictNullHandling: !1
	}, i = function(_) {
		return _.replace(/&#(\d+);/g, function(y, I) {
			return String.fromCharCode(parseInt(I, 10));
		});
	}, s = function(_, y) {
		return _ && typeof _ == "string" && y.comma && _.indexOf(",") > -1 ? _.split(",") : _;
	}, o = "utf8=%26%2310003%3B", u = "utf8=%E2%9C%93", c = function(y, I) {
		var S = { __proto__: null }, b = I.ignoreQueryPrefix ? y.replace(/^\?/, "") : y;
		b = b.replace(/%5B/gi, "[").replace(/%5D/gi, "]");
		var m = I.parameterLimit === 1 / 0 ? void 0 : I.parameterLimit, w = b.split(I.delimiter, m), R = -1, A, g = I.charset;
		if (I.charsetSentinel) for (A = 0; A < w.length; ++A) w[A].indexOf("utf8=") === 0 && (w[A] === u ? g = "utf-8" : w[A] === o && (g = "iso-8859-1"), R = A, A = w.length);
		for (A = 0; A < w.length; ++A) if (A !== R) {
			var O = w[A], v = O.indexOf("]="), B = v === -1 ? O.indexOf("=") : v + 1, D, L;
			B === -1 ? (D = I.decoder(O, n.decoder, g, "key"), L = I.strictNullHandling ? null : "") : (D = I.decoder(O.slice(0, B), n.decoder, g, "key"), L = t.maybeMap(s(O.slice(B + 1), I), function(U) {
				return I.decoder(U, n.decoder, g, "value");
			})), L && I.interpretNumericEntities && g === "iso-8859-1" && (L = i(L)), O.indexOf("[]=") > -1 && (L = r(L) ? [L] : L);
			var K = e.call(S, D);
			K && I.duplicates === "combine" ? S[D] = t.combine(S[D], L) : (!K || I.duplicates === "last") && (S[D] = L);
		}
		return S;
	}, f = function(_, y, I, S) {
		for (var b = S ? y : s(y, I), m = _.length - 1; m >= 0; --m) {
			var w, R = _[m];
			if (R === "[]" && I.parseArrays) w = I.allowEmptyArrays && (b === "" || I.strictNullHandling && b === null) ? [] : [].concat(b);
			else {
				w = I.plainObjects ? Object.create(null) : {};
				var A = R.charAt(0) === "[" && R.charAt(R.length - 1) === "]" ? R.slice(1, -1) : R, g = I.decodeDotInKeys ? A.replace(/%2E/g, ".") : A, O = parseInt(g, 10);
				!I.parseArrays && g === "" ? w = { 0: b } : !isNaN(O) && R !== g && String(O) === g && O >= 0 && I.parseArrays && O <= I.arrayLimit ? (w = [], w[O] = b) : g !== "__proto__" && (w[g] = b);
			}
			b = w;
		}
		return b;
	}, d = function(y, I, S, b) {
		if (y) {
			var m = S.allowDots ? y.replace(/\.([^.[]+)/g, "[$1]") : y, w = /(\[[^[\]]*])/, R = /(\[[^[\]]*])/g, A = S.depth > 0 && w.exec(m), g = A ? m.slice(0, A.index) : m, O = [];
			if (g) {
				if (!S.plainObjects && e.call(Object.prototype, g) && !S.allowPrototypes) return;
				O.push(g);
			}
			for (var v = 0; S.depth > 0 && (A = R.exec(m)) !== null && v < S.depth;) {
				if (v += 1, !S.plainObjects && e.call(Object.prototype, A[1].slice(1, -1)) && !S.allowPrototypes) return;
				O.push(A[1]);
			}
			if (A) {
				if (S.strictDepth === !0) throw new RangeError("Input depth exceeded depth option of " + S.depth + " and strictDepth is true");
				O.push("[" + m.slice(A.index) + "]");
			}
			return f(O, I, S, b);
		}
	}, h = function(y) {
		if (!y) return n;
		if (typeof y.allowEmptyArrays < "u" && typeof y.allowEmptyArrays != "boolean") throw new TypeError("`allowEmptyArrays` option can only be `true` or `false`, when provided");
		if (typeof y.decodeDotInKeys < "u" && typeof y.decodeDotInKeys != "boolean") throw new TypeError("`decodeDotInKeys` option can only be `true` or `false`, when provided");
		if (y.decoder !== null && typeof y.decoder < "u" && typeof y.decoder != "function") throw new TypeError("Decoder has to be a function.");
		if (typeof y.charset < "u" && y.charset !== "utf-8" && y.charset !== "iso-8859-1") throw new TypeError("The charset option must be either utf-8, iso-8859-1, or undefined");
		var I = typeof y.charset > "u" ? n.charset : y.charset, S = typeof y.duplicates > "u" ? n.duplicates : y.duplicates;
		if (S !== "combine" && S !== "first" && S !== "last") throw new TypeError("The duplicates option must be either combine, first, or last");
		return {
			allowDots: typeof y.allowDots > "u" ? y.decodeDotInKeys === !0 ? !0 : n.allowDots : !!y.allowDots,
			allowEmptyArrays: typeof y.allowEmptyArrays == "boolean" ? !!y.allowEmptyArrays : n.allowEmptyArrays,
			allowPrototypes: typeof y.allowPrototypes == "boolean" ? y.allowPrototypes : n.allowPrototypes,
			allowSparse: typeof y.allowSparse == "boolean" ? y.allowSparse : n.allowSparse,
			arrayLimit: typeof y.arrayLimit == "number" ? y.arrayLimit : n.arrayLimit,
			charset: I,
			charsetSentinel: typeof y.charsetSentinel == "boolean" ? y.charsetSentinel : n.charsetSentinel,
			comma: typeof y.comma == "boolean" ? y.comma : n.comma,
			decodeDotInKeys: typeof y.decodeDotInKeys == "boolean" ? y.decodeDotInKeys : n.decodeDotInKeys,
			decoder: typeof y.decoder == "function" ? y.decoder : n.decoder,
			delimiter: typeof y.delimiter == "string" || t.isRegExp(y.delimiter) ? y.delimiter : n.delimiter,
			depth: typeof y.depth == "number" || y.depth === !1 ? +y.depth : n.depth,
			duplicates: S,
			ignoreQueryPrefix: y.ignoreQueryPrefix === !0,
			interpretNumericEntities: typeof y.interpretNumericEntities == "boolean" ? y.interpretNumericEntities : n.interpretNumericEntities,
			parameterLimit: typeof y.parameterLimit == "number" ? y.parameterLimit : n.parameterLimit,
			parseArrays: y.parseArrays !== !1,
			plainObjects: typeof y.plainObjects == "boolean" ? y.plainObjects : n.plainObjects,
			strictDepth: typeof y.strictDepth == "boolean" ? !!y.strictDepth : n.strictDepth,
			strictNullHandling: typeof y.strictNullHandling == "boolean" ? y.strictNullHandling : n.strictNullHandling
		};
	};
	return Tu = function(_, y) {
		var I = h(y);
		if (_ === "" || _ === null || typeof _ > "u") return I.plainObjects ? Object.create(null) : {};
		for (var S = typeof _ == "string" ? c(_, I) : _, b = I.plainObjects ? Object.create(null) : {}, m = Object.keys(S), w = 0; w < m.length; ++w) {
			var R = m[w], A = d(R, S[R], I, typeof _ == "string");
			b = t.merge(b, A, I);
		}
		return I.allowSparse === !0 ? b : t.compact(b);
	}, Tu;
}
function dA() {
	if (Jg) return Pu;
	Jg = !0;
	var t = cA(), e = fA();
	return Pu = {
		formats: Ru(),
		parse: e,
		stringify: t
	}, Pu;
}
function hA() {
	if (Xg) return Or;
	Xg = !0;
	var t = nr;
	function e() {
		this.protocol = null, this.slashes = null, this.auth = null, this.host = null, this.port = null, this.hostname = null, this.hash = null, this.search = null, this.query = null, this.pathname = null, this.path = null, this.href = null;
	}
	var r = /^([a-z0-9.+-]+:)/i, n = /:[0-9]*$/, i = /^(\/\/?(?!\/)[^?\s]*)(\?[^\s]*)?$/, o = [
		"{",
		"}",
		"|",
		"\\",
		"^",
		"`"
	].concat([
		"<",
		">",
		"\"",
		"`",
		" ",
		"\r",
		`
`,
		"	"
	]), u = ["'"].concat(o), c = [
		"%",
		"/",
		"?",
		";",
		"#"
	].concat(u), f = [
		"/",
		"?",
		"#"
	], d = 255, h = /^[+a-z0-9A-Z_-]{0,63}$/, _ = /^([+a-z0-9A-Z_-]{0,63})(.*)$/, y = {
		javascript: !0,
		"javascript:": !0
	}, I = {
		javascript: !0,
		"javascript:": !0
	}, S = {
		http: !0,
		https: !0,
		ftp: !0,
		gopher: !0,
		file: !0,
		"http:": !0,
		"https:": !0,
		"ftp:": !0,
		"gopher:": !0,
		"file:": !0
	}, b = dA();
	function m(g, O, v) {
		if (g && typeof g == "object" && g instanceof e) return g;
		var B = new e();
		return B.parse(g, O, v), B;
	}
	e.prototype.parse = function(g, O, v) {
		if (typeof g != "string") throw new TypeError("Parameter 'url' must be a string, not " + typeof g);
		var B = g.indexOf("?"), D = B !== -1 && B < g.indexOf("#") ? "?" : "#", L = g.split(D);
		L[0] = L[0].replace(/\\/g, "/"), g = L.join(D);
		var U = g;
		if (U = U.trim(), !v && g.split("#").length === 1) {
			var $ = i.exec(U);
			if ($) return this.path = U, this.href = U, this.pathname = $[1], $[2] ? (this.search = $[2], O ? this.query = b.parse(this.search.substr(1)) : this.query = this.search.substr(1)) : O && (this.search = "", this.query = {}), this;
		}
		var G = r.exec(U);
		if (G) {
			G = G[0];
			var J = G.toLowerCase();
			this.protocol = J, U = U.substr(G.length);
		}
		if (v || G || U.match(/^\/\/[^@/]+@[^@/]+/)) {
			var ee = U.substr(0, 2) === "//";
			ee && !(G && I[G]) && (U = U.substr(2), this.slashes = !0);
		}
		if (!I[G] && (ee || G && !S[G])) {
			for (var z = -1, W = 0; W < f.length; W++) {
				var te = U.indexOf(f[W]);
				te !== -1 && (z === -1 || te < z) && (z = te);
			}
			var Y, X;
			z === -1 ? X = U.lastIndexOf("@") : X = U.lastIndexOf("@", z), X !== -1 && (Y = U.slice(0, X), U = U.slice(X + 1), this.auth = decodeURIComponent(Y)), z = -1;
			for (var W = 0; W < c.length; W++) {
				var te = U.indexOf(c[W]);
				te !== -1 && (z === -1 || te < z) && (z = te);
			}
			z === -1 && (z = U.length), this.host = U.slice(0, z), U = U.slice(z), this.parseHost(), this.hostname = this.hostname || "";
			var ce = this.hostname[0] === "[" && this.hostname[this.hostname.length - 1] === "]";
			if (!ce) for (var Z = this.hostname.split(/\./), W = 0, ne = Z.length; W < ne; W++) {
				var de = Z[W];
				if (de && !de.match(h)) {
					for (var be = "", ge = 0, Ae = de.length; ge < Ae; ge++) de.charCodeAt(ge) > 127 ? be += "x" : be += de[ge];
					if (!be.match(h)) {
						var we = Z.slice(0, W), ve = Z.slice(W + 1), Oe = de.match(_);
						Oe && (we.push(Oe[1]), ve.unshift(Oe[2])), ve.length && (U = "/" + ve.join(".") + U), this.hostname = we.join(".");
						break;
					}
				}
			}
			this.hostname.length > d ? this.hostname = "" : this.hostname = this.hostname.toLowerCase(), ce || (this.hostname = t.toASCII(this.hostname));
			var xe = this.port ? ":" + this.port : "", it = this.hostname || "";
			this.host = it + xe, this.href += this.host, ce && (this.hostname = this.hostname.substr(1, this.hostname.length - 2), U[0] !== "/" && (U = "/" + U));
		}
		if (!y[J]) for (var W = 0, ne = u.length; W < ne; W++) {
			var Re = u[W];
			if (U.indexOf(Re) !== -1) {
				var Ne = encodeURIComponent(Re);
				Ne === Re && (Ne = escape(Re)), U = U.split(Re).join(Ne);
			}
		}
		var St = U.indexOf("#");
		St !== -1 && (this.hash = U.substr(St), U = U.slice(0, St));
		var Et = U.indexOf("?");
		if (Et !== -1 ? (this.search = U.substr(Et), this.query = U.substr(Et + 1), O && (this.query = b.parse(this.query)), U = U.slice(0, Et)) : O && (this.search = "", this.query = {}), U && (this.pathname = U), S[J] && this.hostname && !this.pathname && (this.pathname = "/"), this.pathname || this.search) {
			var xe = this.pathname || "", cn = this.search || "";
			this.path = xe + cn;
		}
		return this.href = this.format(), this;
	};
	function w(g) {
		return typeof g == "string" && (g = m(g)), g instanceof e ? g.format() : e.prototype.format.call(g);
	}
	e.prototype.format = function() {
		var g = this.auth || "";
		g && (g = encodeURIComponent(g), g = g.replace(/%3A/i, ":"), g += "@");
		var O = this.protocol || "", v = this.pathname || "", B = this.hash || "", D = !1, L = "";
		this.host ? D = g + this.host : this.hostname && (D = g + (this.hostname.indexOf(":") === -1 ? this.hostname : "[" + this.hostname + "]"), this.port && (D += ":" + this.port)), this.query && typeof this.query == "object" && Object.keys(this.query).length && (L = b.stringify(this.query, {
			arrayFormat: "repeat",
			addQueryPrefix: !1
		}));
		var K = this.search || L && "?" + L || "";
		return O && O.substr(-1) !== ":" && (O += ":"), this.slashes || (!O || S[O]) && D !== !1 ? (D = "//" + (D || ""), v && v.charAt(0) !== "/" && (v = "/" + v)) : D || (D = ""), B && B.charAt(0) !== "#" && (B = "#" + B), K && K.charAt(0) !== "?" && (K = "?" + K), v = v.replace(/[?#]/g, function(U) {
			return encodeURIComponent(U);
		}), K = K.replace("#", "%23"), O + D + v + K + B;
	};
	function R(g, O) {
		return m(g, !1, !0).resolve(O);
	}
	e.prototype.resolve = function(g) {
		return this.resolveObject(m(g, !1, !0)).format();
	};
	function A(g, O) {
		return g ? m(g, !1, !0).resolveObject(O) : O;
	}
	return e.prototype.resolveObject = function(g) {
		if (typeof g == "string") {
			var O = new e();
			O.parse(g, !1, !0), g = O;
		}
		for (var v = new e(), B = Object.keys(this), D = 0; D < B.length; D++) {
			var L = B[D];
			v[L] = this[L];
		}
		if (v.hash = g.hash, g.href === "") return v.href = v.format(), v;
		if (g.slashes && !g.protocol) {
			for (var K = Object.keys(g), U = 0; U < K.length; U++) {
				var $ = K[U];
				$ !== "protocol" && (v[$] = g[$]);
			}
			return S[v.protocol] && v.hostname && !v.pathname && (v.pathname = "/", v.path = v.pathname), v.href = v.format(), v;
		}
		if (g.protocol && g.protocol !== v.protocol) {
			if (!S[g.protocol]) {
				for (var G = Object.keys(g), J = 0; J < G.length; J++) {
					var ee = G[J];
					v[ee] = g[ee];
				}
				return v.href = v.format(), v;
			}
			if (v.protocol = g.protocol, !g.host && !I[g.protocol]) {
				for (var ne = (g.pathname || "").split("/"); ne.length && !(g.host = ne.shift()););
				g.host || (g.host = ""), g.hostname || (g.hostname = ""), ne[0] !== "" && ne.unshift(""), ne.length < 2 && ne.unshift(""), v.pathname = ne.join("/");
			} else v.pathname = g.pathname;
			if (v.search = g.search, v.query = g.query, v.host = g.host || "", v.auth = g.auth, v.hostname = g.hostname || g.host, v.port = g.port, v.pathname || v.search) v.path = (v.pathname || "") + (v.search || "");
			return v.slashes = v.slashes || g.slashes, v.href = v.format(), v;
		}
		var te = v.pathname && v.pathname.charAt(0) === "/", Y = g.host || g.pathname && g.pathname.charAt(0) === "/", X = Y || te || v.host && g.pathname, ce = X, Z = v.pathname && v.pathname.split("/") || [], ne = g.pathname && g.pathname.split("/") || [], de = v.protocol && !S[v.protocol];
		if (de && (v.hostname = "", v.port = null, v.host && (Z[0] === "" ? Z[0] = v.host : Z.unshift(v.host)), v.host = "", g.protocol && (g.hostname = null, g.port = null, g.host && (ne[0] === "" ? ne[0] = g.host : ne.unshift(g.host)), g.host = null), X = X && (ne[0] === "" || Z[0] === "")), Y) v.host = g.host || g.host === "" ? g.host : v.host, v.hostname = g.hostname || g.hostname === "" ? g.hostname : v.hostname, v.search = g.search, v.query = g.query, Z = ne;
		else if (ne.length) Z || (Z = []), Z.pop(), Z = Z.concat(ne), v.search = g.search, v.query = g.query;
		else if (g.search != null) {
			if (de) {
				v.host = Z.shift(), v.hostname = v.host;
				var be = v.host && v.host.indexOf("@") > 0 ? v.host.split("@") : !1;
				be && (v.auth = be.shift(), v.hostname = be.shift(), v.host = v.hostname);
			}
			return v.search = g.search, v.query = g.query, (v.pathname !== null || v.search !== null) && (v.path = (v.pathname ? v.pathname : "") + (v.search ? v.search : "")), v.href = v.format(), v;
		}
		if (!Z.length) return v.pathname = null, v.search ? v.path = "/" + v.search : v.path = null, v.href = v.format(), v;
		for (var ge = Z.slice(-1)[0], Ae = (v.host || g.host || Z.length > 1) && (ge === "." || ge === "..") || ge === "", we = 0, ve = Z.length; ve >= 0; ve--) ge = Z[ve], ge === "." ? Z.splice(ve, 1) : ge === ".." ? (Z.splice(ve, 1), we++) : we && (Z.splice(ve, 1), we--);
		if (!X && !ce) for (; we--;) Z.unshift("..");
		X && Z[0] !== "" && (!Z[0] || Z[0].charAt(0) !== "/") && Z.unshift(""), Ae && Z.join("/").substr(-1) !== "/" && Z.push("");
		var Oe = Z[0] === "" || Z[0] && Z[0].charAt(0) === "/";
		if (de) {
			v.hostname = Oe ? "" : Z.length ? Z.shift() : "", v.host = v.hostname;
			var be = v.host && v.host.indexOf("@") > 0 ? v.host.split("@") : !1;
			be && (v.auth = be.shift(), v.hostname = be.shift(), v.host = v.hostname);
		}
		return X = X || v.host && Z.length, X && !Oe && Z.unshift(""), Z.length > 0 ? v.pathname = Z.join("/") : (v.pathname = null, v.path = null), (v.pathname !== null || v.search !== null) && (v.path = (v.pathname ? v.pathname : "") + (v.search ? v.search : "")), v.auth = g.auth || v.auth, v.slashes = v.slashes || g.slashes, v.href = v.format(), v;
	}, e.prototype.parseHost = function() {
		var g = this.host, O = n.exec(g);
		O && (O = O[0], O !== ":" && (this.port = O.substr(1)), g = g.substr(0, g.length - O.length)), g && (this.hostname = g);
	}, Or.parse = m, Or.resolve = R, Or.resolveObject = A, Or.format = w, Or.Url = e, Or;
}
function ey(t) {
	if (typeof t == "string") t = new URL(t);
	else if (!(t instanceof URL)) throw new Deno.errors.InvalidData("invalid argument path , must be a string or URL");
	if (t.protocol !== "file:") throw new Deno.errors.InvalidData("invalid url scheme");
	return Ou ? kA(t) : CA(t);
}
function kA(t) {
	let e = t.hostname, r = t.pathname;
	for (let n = 0; n < r.length; n++) if (r[n] === "%") {
		let i = r.codePointAt(n + 2) || 32;
		if (r[n + 1] === "2" && i === 102 || r[n + 1] === "5" && i === 99) throw new Deno.errors.InvalidData("must not include encoded \\ or / characters");
	}
	if (r = r.replace(IA, "\\"), r = decodeURIComponent(r), e !== "") return `\\\\${e}${r}`;
	{
		let n = r.codePointAt(1) | 32, i = r[2];
		if (n < EA || n > AA || i !== ":") throw new Deno.errors.InvalidData("file url path must be absolute");
		return r.slice(1);
	}
}
function CA(t) {
	if (t.hostname !== "") throw new Deno.errors.InvalidData("invalid file url hostname");
	let e = t.pathname;
	for (let r = 0; r < e.length; r++) if (e[r] === "%") {
		let n = e.codePointAt(r + 2) || 32;
		if (e[r + 1] === "2" && n === 102) throw new Deno.errors.InvalidData("must not include encoded / characters");
	}
	return decodeURIComponent(e);
}
function ty(t) {
	let e = wu.resolve(t), r = t.charCodeAt(t.length - 1);
	(r === SA || Ou && r === vA) && e[e.length - 1] !== wu.sep && (e += "/");
	let n = new URL("file://");
	return e.includes("%") && (e = e.replace(xA, "%25")), !Ou && e.includes("\\") && (e = e.replace(TA, "%5C")), e.includes(`
`) && (e = e.replace(PA, "%0A")), e.includes("\r") && (e = e.replace(OA, "%0D")), e.includes("	") && (e = e.replace(RA, "%09")), n.pathname = e, n;
}
var aA;
var vu;
var Hg;
var Su;
var Eu;
var zg;
var Au;
var Gg;
var Iu;
var Qg;
var xu;
var Kg;
var Tu;
var Yg;
var Pu;
var Jg;
var Or;
var Xg;
var He;
var pA;
var gA;
var yA;
var bA;
var mA;
var _A;
var wA;
var vA;
var SA;
var EA;
var AA;
var Ou;
var IA;
var xA;
var TA;
var PA;
var OA;
var RA;
var ny = ze(() => {
	x();
	P();
	T();
	gg();
	Fg();
	Vg();
	mu();
	aA = Object.freeze(Object.create(null)), vu = {}, Hg = !1, Su = typeof globalThis < "u" ? globalThis : typeof self < "u" ? self : global;
	Eu = {}, zg = !1;
	Au = {}, Gg = !1;
	Iu = {}, Qg = !1;
	xu = {}, Kg = !1;
	Tu = {}, Yg = !1;
	Pu = {}, Jg = !1;
	Or = {}, Xg = !1;
	He = hA();
	He.parse;
	He.resolve;
	He.resolveObject;
	He.format;
	He.Url;
	pA = typeof Deno < "u" ? Deno.build.os === "windows" ? "win32" : Deno.build.os : void 0;
	He.URL = typeof URL < "u" ? URL : null;
	He.pathToFileURL = ty;
	He.fileURLToPath = ey;
	gA = He.Url, yA = He.format, bA = He.resolve, mA = He.resolveObject, _A = He.parse, wA = He.URL, vA = 92, SA = 47, EA = 97, AA = 122, Ou = pA === "win32", IA = /\//g, xA = /%/g, TA = /\\/g, PA = /\n/g, OA = /\r/g, RA = /\t/g;
});
var oy = H((d6, iy) => {
	"use strict";
	x();
	P();
	T();
	iy.exports = function() {
		throw new Error("ws does not work in the browser. Browser clients must use the native WebSocket object");
	};
});
var mo = H((ni) => {
	"use strict";
	x();
	P();
	T();
	Object.defineProperty(ni, "__esModule", { value: !0 });
	ni.BufferedDuplex = void 0;
	ni.writev = ay;
	var MA = Yt(), sy = (ke(), _e(Le));
	function ay(t, e) {
		let r = new Array(t.length);
		for (let n = 0; n < t.length; n++) typeof t[n].chunk == "string" ? r[n] = sy.Buffer.from(t[n].chunk, "utf8") : r[n] = t[n].chunk;
		this._write(sy.Buffer.concat(r), "binary", e);
	}
	var ku = class extends MA.Duplex {
		socket;
		proxy;
		isSocketOpen;
		writeQueue;
		constructor(e, r, n) {
			super({ objectMode: !0 }), this.proxy = r, this.socket = n, this.writeQueue = [], e.objectMode || (this._writev = ay.bind(this)), this.isSocketOpen = !1, this.proxy.on("data", (i) => {
				!this.destroyed && this.readable && this.push(i);
			});
		}
		_read(e) {
			this.proxy.read(e);
		}
		_write(e, r, n) {
			this.isSocketOpen ? this.writeToProxy(e, r, n) : this.writeQueue.push({
				chunk: e,
				encoding: r,
				cb: n
			});
		}
		_final(e) {
			this.writeQueue = [], this.proxy.end(e);
		}
		_destroy(e, r) {
			this.writeQueue = [], this.proxy.destroy(), r(e);
		}
		socketReady() {
			this.emit("connect"), this.isSocketOpen = !0, this.processWriteQueue();
		}
		writeToProxy(e, r, n) {
			this.proxy.write(e, r) === !1 ? this.proxy.once("drain", n) : n();
		}
		processWriteQueue() {
			for (; this.writeQueue.length > 0;) {
				let { chunk: e, encoding: r, cb: n } = this.writeQueue.shift();
				this.writeToProxy(e, r, n);
			}
		}
	};
	ni.BufferedDuplex = ku;
});
var ii = H((ar) => {
	"use strict";
	x();
	P();
	T();
	var Mu = ar && ar.__importDefault || function(t) {
		return t && t.__esModule ? t : { default: t };
	};
	Object.defineProperty(ar, "__esModule", { value: !0 });
	ar.streamBuilder = ar.browserStreamBuilder = void 0;
	var _o = (ke(), _e(Le)), uy = Mu(oy()), BA = Mu(Xt()), NA = Yt(), LA = Mu(ei()), Cu = mo(), sr = (0, BA.default)("mqttjs:ws"), qA = [
		"rejectUnauthorized",
		"ca",
		"cert",
		"key",
		"pfx",
		"passphrase"
	];
	function ly(t, e) {
		let r = `${t.protocol}://${t.hostname}:${t.port}${t.path}`;
		return typeof t.transformWsUrl == "function" && (r = t.transformWsUrl(r, t, e)), r;
	}
	function cy(t) {
		let e = t;
		return t.port || (t.protocol === "wss" ? e.port = 443 : e.port = 80), t.path || (e.path = "/"), t.wsOptions || (e.wsOptions = {}), !LA.default && !t.forceNativeWebSocket && t.protocol === "wss" && qA.forEach((r) => {
			Object.prototype.hasOwnProperty.call(t, r) && !Object.prototype.hasOwnProperty.call(t.wsOptions, r) && (e.wsOptions[r] = t[r]);
		}), e;
	}
	function DA(t) {
		let e = cy(t);
		if (e.hostname || (e.hostname = e.host), !e.hostname) {
			if (typeof document > "u") throw new Error("Could not determine host. Specify host manually.");
			let r = new URL(document.URL);
			e.hostname = r.hostname, e.port || (e.port = Number(r.port));
		}
		return e.objectMode === void 0 && (e.objectMode = !(e.binary === !0 || e.binary === void 0)), e;
	}
	function UA(t, e, r) {
		sr("createWebSocket"), sr(`protocol: ${r.protocolId} ${r.protocolVersion}`);
		let n = r.protocolId === "MQIsdp" && r.protocolVersion === 3 ? "mqttv3.1" : "mqtt";
		sr(`creating new Websocket for url: ${e} and protocol: ${n}`);
		let i;
		return r.createWebsocket ? i = r.createWebsocket(e, [n], r) : i = new uy.default(e, [n], r.wsOptions), i;
	}
	function FA(t, e) {
		let r = e.protocolId === "MQIsdp" && e.protocolVersion === 3 ? "mqttv3.1" : "mqtt", n = ly(e, t), i;
		return e.createWebsocket ? i = e.createWebsocket(n, [r], e) : i = new WebSocket(n, [r]), i.binaryType = "arraybuffer", i;
	}
	var jA = (t, e) => {
		sr("streamBuilder");
		let r = cy(e);
		r.hostname = r.hostname || r.host || "localhost";
		let n = ly(r, t), i = UA(t, n, r), s = uy.default.createWebSocketStream(i, r.wsOptions);
		return s.url = n, i.on("close", () => {
			s.destroy();
		}), s;
	};
	ar.streamBuilder = jA;
	var $A = (t, e) => {
		sr("browserStreamBuilder");
		let r, i = DA(e).browserBufferSize || 524288, s = e.browserBufferTimeout || 1e3, o = !e.objectMode, u = FA(t, e), c = d(e, S, b);
		e.objectMode || (c._writev = Cu.writev.bind(c)), c.on("close", () => {
			u.close();
		});
		let f = typeof u.addEventListener < "u";
		u.readyState === u.OPEN ? (r = c, r.socket = u) : (r = new Cu.BufferedDuplex(e, c, u), f ? u.addEventListener("open", h) : u.onopen = h), f ? (u.addEventListener("close", _), u.addEventListener("error", y), u.addEventListener("message", I)) : (u.onclose = _, u.onerror = y, u.onmessage = I);
		function d(m, w, R) {
			let A = new NA.Transform({ objectMode: m.objectMode });
			return A._write = w, A._flush = R, A;
		}
		function h() {
			sr("WebSocket onOpen"), r instanceof Cu.BufferedDuplex && r.socketReady();
		}
		function _(m) {
			sr("WebSocket onClose", m), r.end(), r.destroy();
		}
		function y(m) {
			sr("WebSocket onError", m);
			let w = /* @__PURE__ */ new Error("WebSocket error");
			w.event = m, r.destroy(w);
		}
		async function I(m) {
			if (!c || !c.readable || !c.writable) return;
			let { data: w } = m;
			w instanceof ArrayBuffer ? w = _o.Buffer.from(w) : w instanceof Blob ? w = _o.Buffer.from(await new Response(w).arrayBuffer()) : w = _o.Buffer.from(w, "utf8"), c.push(w);
		}
		function S(m, w, R) {
			if (u.bufferedAmount > i) {
				setTimeout(S, s, m, w, R);
				return;
			}
			o && typeof m == "string" && (m = _o.Buffer.from(m, "utf8"));
			try {
				u.send(m);
			} catch (A) {
				return R(A);
			}
			R();
		}
		function b(m) {
			u.close(), m();
		}
		return r;
	};
	ar.browserStreamBuilder = $A;
});
var Bu = {};
Mr(Bu, {
	Server: () => Ye,
	Socket: () => Ye,
	Stream: () => Ye,
	_createServerHandle: () => Ye,
	_normalizeArgs: () => Ye,
	_setSimultaneousAccepts: () => Ye,
	connect: () => Ye,
	createConnection: () => Ye,
	createServer: () => Ye,
	default: () => WA,
	isIP: () => Ye,
	isIPv4: () => Ye,
	isIPv6: () => Ye
});
function Ye() {
	throw new Error("Node.js net module is not supported by JSPM core outside of Node.js");
}
var WA;
var Nu = ze(() => {
	x();
	P();
	T();
	WA = {
		_createServerHandle: Ye,
		_normalizeArgs: Ye,
		_setSimultaneousAccepts: Ye,
		connect: Ye,
		createConnection: Ye,
		createServer: Ye,
		isIP: Ye,
		isIPv4: Ye,
		isIPv6: Ye,
		Server: Ye,
		Socket: Ye,
		Stream: Ye
	};
});
var Lu = H((J6, fy) => {
	x();
	P();
	T();
	fy.exports = {};
});
var Du = H((oi) => {
	"use strict";
	x();
	P();
	T();
	var qu = oi && oi.__importDefault || function(t) {
		return t && t.__esModule ? t : { default: t };
	};
	Object.defineProperty(oi, "__esModule", { value: !0 });
	var VA = qu((Nu(), _e(Bu))), HA = qu(Xt()), zA = qu(Lu()), GA = (0, HA.default)("mqttjs:tcp"), QA = (t, e) => {
		if (e.port = e.port || 1883, e.hostname = e.hostname || e.host || "localhost", e.socksProxy) return (0, zA.default)(e.hostname, e.port, e.socksProxy, { timeout: e.socksTimeout });
		let { port: r, path: n } = e, i = e.hostname;
		return GA("port %d and host %s", r, i), VA.default.createConnection({
			port: r,
			host: i,
			path: n
		});
	};
	oi.default = QA;
});
var dy = {};
Mr(dy, { default: () => KA });
var KA;
var hy = ze(() => {
	x();
	P();
	T();
	KA = {};
});
var Fu = H((si) => {
	"use strict";
	x();
	P();
	T();
	var Uu = si && si.__importDefault || function(t) {
		return t && t.__esModule ? t : { default: t };
	};
	Object.defineProperty(si, "__esModule", { value: !0 });
	var py = (hy(), _e(dy)), YA = Uu((Nu(), _e(Bu))), JA = Uu(Xt()), XA = Uu(Lu()), ZA = (0, JA.default)("mqttjs:tls");
	function eI(t) {
		let { host: e, port: r, socksProxy: n, ...i } = t;
		if (n !== void 0) {
			let s = (0, XA.default)(e, r, n, { timeout: t.socksTimeout });
			return (0, py.connect)({
				...i,
				socket: s
			});
		}
		return (0, py.connect)(t);
	}
	var tI = (t, e) => {
		e.port = e.port || 8883, e.host = e.hostname || e.host || "localhost", YA.default.isIP(e.host) === 0 && !e.servername && (e.servername = e.host), e.rejectUnauthorized = e.rejectUnauthorized !== !1, delete e.path, ZA("port %d host %s rejectUnauthorized %b", e.port, e.host, e.rejectUnauthorized);
		let r = eI(e);
		r.on("secureConnect", () => {
			e.rejectUnauthorized && !r.authorized ? r.emit("error", /* @__PURE__ */ new Error("TLS not authorized")) : r.removeListener("error", n);
		});
		function n(i) {
			e.rejectUnauthorized && t.emit("error", i), r.end();
		}
		return r.on("error", n), r;
	};
	si.default = tI;
});
var Wu = H(($u) => {
	"use strict";
	x();
	P();
	T();
	Object.defineProperty($u, "__esModule", { value: !0 });
	var gy = (ke(), _e(Le)), rI = Yt(), nI = mo(), vt, ju, Je;
	function iI() {
		let t = new rI.Transform();
		return t._write = (e, r, n) => {
			vt.send({
				data: e.buffer,
				success() {
					n();
				},
				fail(i) {
					n(new Error(i));
				}
			});
		}, t._flush = (e) => {
			vt.close({ success() {
				e();
			} });
		}, t;
	}
	function oI(t) {
		t.hostname || (t.hostname = "localhost"), t.path || (t.path = "/"), t.wsOptions || (t.wsOptions = {});
	}
	function sI(t, e) {
		let r = t.protocol === "wxs" ? "wss" : "ws", n = `${r}://${t.hostname}${t.path}`;
		return t.port && t.port !== 80 && t.port !== 443 && (n = `${r}://${t.hostname}:${t.port}${t.path}`), typeof t.transformWsUrl == "function" && (n = t.transformWsUrl(n, t, e)), n;
	}
	function aI() {
		vt.onOpen(() => {
			Je.socketReady();
		}), vt.onMessage((t) => {
			let { data: e } = t;
			e instanceof ArrayBuffer ? e = gy.Buffer.from(e) : e = gy.Buffer.from(e, "utf8"), ju.push(e);
		}), vt.onClose(() => {
			Je.emit("close"), Je.end(), Je.destroy();
		}), vt.onError((t) => {
			let e = new Error(t.errMsg);
			Je.destroy(e);
		});
	}
	var uI = (t, e) => {
		if (e.hostname = e.hostname || e.host, !e.hostname) throw new Error("Could not determine host. Specify host manually.");
		let r = e.protocolId === "MQIsdp" && e.protocolVersion === 3 ? "mqttv3.1" : "mqtt";
		oI(e);
		let n = sI(e, t);
		vt = wx.connectSocket({
			url: n,
			protocols: [r]
		}), ju = iI(), Je = new nI.BufferedDuplex(e, ju, vt), Je._destroy = (s, o) => {
			vt.close({ success() {
				o && o(s);
			} });
		};
		let i = Je.destroy;
		return Je.destroy = (s, o) => (Je.destroy = i, setTimeout(() => {
			vt.close({ fail() {
				Je._destroy(s, o);
			} });
		}, 0), Je), aI(), Je;
	};
	$u.default = uI;
});
var zu = H((Hu) => {
	"use strict";
	x();
	P();
	T();
	Object.defineProperty(Hu, "__esModule", { value: !0 });
	var Vu = (ke(), _e(Le)), lI = Yt(), cI = mo(), Ut, ai, un, yy = !1;
	function fI() {
		let t = new lI.Transform();
		return t._write = (e, r, n) => {
			Ut.sendSocketMessage({
				data: e.buffer,
				success() {
					n();
				},
				fail() {
					n(/* @__PURE__ */ new Error());
				}
			});
		}, t._flush = (e) => {
			Ut.closeSocket({ success() {
				e();
			} });
		}, t;
	}
	function dI(t) {
		t.hostname || (t.hostname = "localhost"), t.path || (t.path = "/"), t.wsOptions || (t.wsOptions = {});
	}
	function hI(t, e) {
		let r = t.protocol === "alis" ? "wss" : "ws", n = `${r}://${t.hostname}${t.path}`;
		return t.port && t.port !== 80 && t.port !== 443 && (n = `${r}://${t.hostname}:${t.port}${t.path}`), typeof t.transformWsUrl == "function" && (n = t.transformWsUrl(n, t, e)), n;
	}
	function pI() {
		yy || (yy = !0, Ut.onSocketOpen(() => {
			un.socketReady();
		}), Ut.onSocketMessage((t) => {
			if (typeof t.data == "string") {
				let e = Vu.Buffer.from(t.data, "base64");
				ai.push(e);
			} else {
				let e = new FileReader();
				e.addEventListener("load", () => {
					if (e.result instanceof ArrayBuffer) {
						ai.push(Vu.Buffer.from(e.result));
						return;
					}
					ai.push(Vu.Buffer.from(e.result, "utf-8"));
				}), e.readAsArrayBuffer(t.data);
			}
		}), Ut.onSocketClose(() => {
			un.end(), un.destroy();
		}), Ut.onSocketError((t) => {
			un.destroy(t);
		}));
	}
	var gI = (t, e) => {
		if (e.hostname = e.hostname || e.host, !e.hostname) throw new Error("Could not determine host. Specify host manually.");
		let r = e.protocolId === "MQIsdp" && e.protocolVersion === 3 ? "mqttv3.1" : "mqtt";
		dI(e);
		let n = hI(e, t);
		return Ut = e.my, Ut.connectSocket({
			url: n,
			protocols: r
		}), ai = fI(), un = new cI.BufferedDuplex(e, ai, Ut), pI(), un;
	};
	Hu.default = gI;
});
var _y = H((ln) => {
	"use strict";
	x();
	P();
	T();
	var wo = ln && ln.__importDefault || function(t) {
		return t && t.__esModule ? t : { default: t };
	};
	Object.defineProperty(ln, "__esModule", { value: !0 });
	ln.connectAsync = vI;
	var yI = wo(Xt()), bI = wo((ny(), _e(ry))), mI = wo(yo()), Gu = wo(ei());
	typeof q?.nextTick != "function" && (q.nextTick = setImmediate);
	var by = (0, yI.default)("mqttjs"), Be = null;
	function _I() {
		return typeof location < "u" ? location.protocol === "https:" ? "wss" : "ws" : typeof document < "u" && new URL(document.URL).protocol === "https:" ? "wss" : "ws";
	}
	function wI(t) {
		let e;
		if (t.auth) if (e = t.auth.match(/^(.+):(.+)$/), e) {
			let [, r, n] = e;
			t.username = r, t.password = n;
		} else t.username = t.auth;
	}
	function my(t, e) {
		if (by("connecting to an MQTT broker..."), typeof t == "object" && !e && (e = t, t = ""), e = e || {}, t && typeof t == "string") {
			let i = bI.default.parse(t, !0), s = {}, o = !i.protocol && !i.hostname && i.path?.startsWith("/") && (Gu.default || e.forceNativeWebSocket);
			if (i.port != null && (s.port = Number(i.port)), s.host = i.hostname, s.query = i.query, s.auth = i.auth, s.protocol = i.protocol, s.path = i.path, e = {
				...s,
				...e
			}, !e.protocol && !o) throw new Error("Missing protocol");
			e.protocol = (e.protocol || _I()).replace(/:$/, "");
		}
		if (e.unixSocket = e.unixSocket || e.protocol?.includes("+unix"), e.unixSocket ? e.protocol = e.protocol.replace("+unix", "") : !e.protocol?.startsWith("ws") && !e.protocol?.startsWith("wx") && delete e.path, wI(e), e.query && typeof e.query.clientId == "string" && (e.clientId = e.query.clientId), Gu.default || e.unixSocket ? e.socksProxy = void 0 : e.socksProxy === void 0 && typeof q < "u" && (e.socksProxy = q.env.MQTTJS_SOCKS_PROXY), e.cert && e.key) if (e.protocol) {
			if ([
				"mqtts",
				"wss",
				"wxs",
				"alis"
			].indexOf(e.protocol) === -1) switch (e.protocol) {
				case "mqtt":
					e.protocol = "mqtts";
					break;
				case "ws":
					e.protocol = "wss";
					break;
				case "wx":
					e.protocol = "wxs";
					break;
				case "ali":
					e.protocol = "alis";
					break;
				default: throw new Error(`Unknown protocol for secure connection: "${e.protocol}"!`);
			}
		} else throw new Error("Missing secure protocol key");
		if (Be || (Be = {}, !Gu.default && !e.forceNativeWebSocket ? (Be.ws = ii().streamBuilder, Be.wss = ii().streamBuilder, Be.mqtt = Du().default, Be.tcp = Du().default, Be.ssl = Fu().default, Be.tls = Be.ssl, Be.mqtts = Fu().default) : (Be.ws = ii().browserStreamBuilder, Be.wss = ii().browserStreamBuilder, Be.wx = Wu().default, Be.wxs = Wu().default, Be.ali = zu().default, Be.alis = zu().default)), !Be[e.protocol]) {
			let i = ["mqtts", "wss"].indexOf(e.protocol) !== -1;
			e.protocol = [
				"mqtt",
				"mqtts",
				"ws",
				"wss",
				"wx",
				"wxs",
				"ali",
				"alis"
			].filter((s, o) => i && o % 2 === 0 ? !1 : typeof Be[s] == "function")[0];
		}
		if (e.clean === !1 && !e.clientId) throw new Error("Missing clientId for unclean clients");
		e.protocol && (e.defaultProtocol = e.protocol);
		function r(i) {
			return e.servers && ((!i._reconnectCount || i._reconnectCount === e.servers.length) && (i._reconnectCount = 0), e.host = e.servers[i._reconnectCount].host, e.port = e.servers[i._reconnectCount].port, e.protocol = e.servers[i._reconnectCount].protocol ? e.servers[i._reconnectCount].protocol : e.defaultProtocol, e.hostname = e.host, i._reconnectCount++), by("calling streambuilder for", e.protocol), Be[e.protocol](i, e);
		}
		let n = new mI.default(r, e);
		return n.on("error", () => {}), n;
	}
	function vI(t, e, r = !0) {
		return new Promise((n, i) => {
			let s = my(t, e), o = {
				connect: (c) => {
					u(), n(s);
				},
				end: () => {
					u(), n(s);
				},
				error: (c) => {
					u(), s.end(), i(c);
				}
			};
			r === !1 && (o.close = () => {
				o.error(/* @__PURE__ */ new Error("Couldn't connect to server"));
			});
			function u() {
				Object.keys(o).forEach((c) => {
					s.off(c, o[c]);
				});
			}
			Object.keys(o).forEach((c) => {
				s.on(c, o[c]);
			});
		});
	}
	ln.default = my;
});
var Ku = H((ye) => {
	"use strict";
	x();
	P();
	T();
	var wy = ye && ye.__createBinding || (Object.create ? (function(t, e, r, n) {
		n === void 0 && (n = r);
		var i = Object.getOwnPropertyDescriptor(e, r);
		(!i || ("get" in i ? !e.__esModule : i.writable || i.configurable)) && (i = {
			enumerable: !0,
			get: function() {
				return e[r];
			}
		}), Object.defineProperty(t, n, i);
	}) : (function(t, e, r, n) {
		n === void 0 && (n = r), t[n] = e[r];
	})), SI = ye && ye.__setModuleDefault || (Object.create ? (function(t, e) {
		Object.defineProperty(t, "default", {
			enumerable: !0,
			value: e
		});
	}) : function(t, e) {
		t.default = e;
	}), EI = ye && ye.__importStar || (function() {
		var t = function(e) {
			return t = Object.getOwnPropertyNames || function(r) {
				var n = [];
				for (var i in r) Object.prototype.hasOwnProperty.call(r, i) && (n[n.length] = i);
				return n;
			}, t(e);
		};
		return function(e) {
			if (e && e.__esModule) return e;
			var r = {};
			if (e != null) for (var n = t(e), i = 0; i < n.length; i++) n[i] !== "default" && wy(r, e, n[i]);
			return SI(r, e), r;
		};
	})(), Qu = ye && ye.__exportStar || function(t, e) {
		for (var r in t) r !== "default" && !Object.prototype.hasOwnProperty.call(e, r) && wy(e, t, r);
	}, ui = ye && ye.__importDefault || function(t) {
		return t && t.__esModule ? t : { default: t };
	};
	Object.defineProperty(ye, "__esModule", { value: !0 });
	ye.ReasonCodes = ye.KeepaliveManager = ye.UniqueMessageIdProvider = ye.DefaultMessageIdProvider = ye.Store = ye.MqttClient = ye.connectAsync = ye.connect = ye.Client = void 0;
	var vy = ui(yo());
	ye.MqttClient = vy.default;
	ye.DefaultMessageIdProvider = ui(Sa()).default;
	ye.UniqueMessageIdProvider = ui(hg()).default;
	ye.Store = ui(aa()).default;
	var Sy = EI(_y());
	ye.connect = Sy.default;
	Object.defineProperty(ye, "connectAsync", {
		enumerable: !0,
		get: function() {
			return Sy.connectAsync;
		}
	});
	ye.KeepaliveManager = ui(qa()).default;
	ye.Client = vy.default;
	Qu(yo(), ye);
	Qu(Ct(), ye);
	Qu(ia(), ye);
	var PI = Mn();
	Object.defineProperty(ye, "ReasonCodes", {
		enumerable: !0,
		get: function() {
			return PI.ReasonCodes;
		}
	});
});
var mqtt_esm_default = H((nt) => {
	x();
	P();
	T();
	var Ey = nt && nt.__createBinding || (Object.create ? (function(t, e, r, n) {
		n === void 0 && (n = r);
		var i = Object.getOwnPropertyDescriptor(e, r);
		(!i || ("get" in i ? !e.__esModule : i.writable || i.configurable)) && (i = {
			enumerable: !0,
			get: function() {
				return e[r];
			}
		}), Object.defineProperty(t, n, i);
	}) : (function(t, e, r, n) {
		n === void 0 && (n = r), t[n] = e[r];
	})), OI = nt && nt.__setModuleDefault || (Object.create ? (function(t, e) {
		Object.defineProperty(t, "default", {
			enumerable: !0,
			value: e
		});
	}) : function(t, e) {
		t.default = e;
	}), RI = nt && nt.__importStar || (function() {
		var t = function(e) {
			return t = Object.getOwnPropertyNames || function(r) {
				var n = [];
				for (var i in r) Object.prototype.hasOwnProperty.call(r, i) && (n[n.length] = i);
				return n;
			}, t(e);
		};
		return function(e) {
			if (e && e.__esModule) return e;
			var r = {};
			if (e != null) for (var n = t(e), i = 0; i < n.length; i++) n[i] !== "default" && Ey(r, e, n[i]);
			return OI(r, e), r;
		};
	})(), kI = nt && nt.__exportStar || function(t, e) {
		for (var r in t) r !== "default" && !Object.prototype.hasOwnProperty.call(e, r) && Ey(e, t, r);
	};
	Object.defineProperty(nt, "__esModule", { value: !0 });
	nt.default = RI(Ku());
	kI(Ku(), nt);
})();
/*! Bundled license information:

@jspm/core/nodelibs/browser/chunk-DtuTasat.js:
(*! ieee754. BSD-3-Clause License. Feross Aboukhadijeh <https://feross.org/opensource> *)

safe-buffer/index.js:
(*! safe-buffer. MIT License. Feross Aboukhadijeh <https://feross.org/opensource> *)

@babel/runtime/helpers/regenerator.js:
(*! regenerator-runtime -- Copyright (c) 2014-present, Facebook, Inc. -- license (MIT): https://github.com/babel/babel/blob/main/packages/babel-helpers/LICENSE *)
*/
// node_modules/zod/v4/core/util.js
function getEnumValues(entries) {
	const numericValues = Object.values(entries).filter((v) => typeof v === "number");
	return Object.entries(entries).filter(([k, _]) => numericValues.indexOf(+k) === -1).map(([_, v]) => v);
}
function joinValues(array, separator = "|") {
	return array.map((val) => stringifyPrimitive(val)).join(separator);
}
function jsonStringifyReplacer(_, value) {
	if (typeof value === "bigint") return value.toString();
	return value;
}
var Cached = class {
	constructor(getter) {
		this._getter = getter;
		this._value = void 0;
	}
	get value() {
		const getter = this._getter;
		if (getter !== void 0) {
			this._value = getter();
			this._getter = void 0;
		}
		return this._value;
	}
};
function cached(getter) {
	return new Cached(getter);
}
function nullish(input) {
	return input === null || input === void 0;
}
function cleanRegex(source) {
	const start = source.startsWith("^") ? 1 : 0;
	const end = source.endsWith("$") ? source.length - 1 : source.length;
	return source.slice(start, end);
}
function floatSafeRemainder(val, step) {
	const ratio = val / step;
	const roundedRatio = Math.round(ratio);
	const tolerance = 4 * Number.EPSILON * Math.max(Math.abs(ratio), 1);
	if (Math.abs(ratio - roundedRatio) < tolerance) return 0;
	return ratio - roundedRatio;
}
function assignProp(target, prop, value) {
	Object.defineProperty(target, prop, {
		value,
		writable: true,
		enumerable: true,
		configurable: true
	});
}
/**
* Whichever object a def's `shape` currently answers from: the one the caller passed until the first read, the frozen copy after it.
*
* Its keys and descriptors read without invoking anything, which is what lets a discriminated union check its discriminator, and the cycle walk read a shape, without resolving a getter that references the schema being constructed. A def that answers `shape` from an accessor of its own has none.
*/
function rawShape(def) {
	const desc = Object.getOwnPropertyDescriptor(def, "shape");
	return desc?.get ? desc.get.raw : desc?.value;
}
function sourceShape(schema) {
	return rawShape(schema._zod.def) ?? schema._zod.def.shape;
}
function deferProp(target, key, getter) {
	Object.defineProperty(target, key, {
		get() {
			const value = getter();
			assignProp(this, key, value);
			return value;
		},
		enumerable: true,
		configurable: true
	});
}
function putProp(target, key, value) {
	if (key in target) assignProp(target, key, value);
	else target[key] = value;
}
/**
* Copies `keys` of `source`'s shape onto `target`, each value passed through `wrap`.
*
* A key the source has resolved is copied through now, so the derived shape states it outright and nothing has to resolve it to learn what it holds. A key the source still defers stays deferred, and reads back through the source's own `shape`, so it resolves once and both shapes get that one schema.
*/
function mirrorShape(target, source, keys, wrap) {
	const raw = sourceShape(source);
	for (const key of keys) {
		const desc = Object.getOwnPropertyDescriptor(raw, key);
		if (!desc.enumerable) continue;
		if (desc.get) deferProp(target, key, () => {
			const value = source._zod.def.shape[key];
			return wrap ? wrap(value, key) : value;
		});
		else putProp(target, key, wrap ? wrap(desc.value, key) : desc.value);
	}
}
function mirrorProps(target, source) {
	for (const key of Reflect.ownKeys(source)) {
		const desc = Object.getOwnPropertyDescriptor(source, key);
		if (!desc.enumerable) continue;
		if (desc.get) deferProp(target, key, () => source[key]);
		else putProp(target, key, desc.value);
	}
}
function mergeDefs(...defs) {
	const mergedDescriptors = {};
	for (const def of defs) {
		const descriptors = Object.getOwnPropertyDescriptors(def);
		Object.assign(mergedDescriptors, descriptors);
	}
	return Object.defineProperties({}, mergedDescriptors);
}
function esc(str) {
	return JSON.stringify(str);
}
function slugify(input) {
	return input.toLowerCase().trim().replace(/[^\w\s-]/g, "").replace(/[\s_-]+/g, "-").replace(/^-+|-+$/g, "");
}
const captureStackTrace = "captureStackTrace" in Error ? Error.captureStackTrace : (..._args) => {};
function isObject(data) {
	return typeof data === "object" && data !== null && !Array.isArray(data);
}
const allowsEval = /* @__PURE__*/ cached(() => {
	if (globalConfig.jitless) return false;
	if (typeof navigator !== "undefined" && navigator?.userAgent?.includes("Cloudflare")) return false;
	try {
		new Function("");
		return true;
	} catch (_) {
		return false;
	}
});
function isPlainObject(o) {
	if (isObject(o) === false) return false;
	const ctor = o.constructor;
	if (ctor === void 0) return true;
	if (typeof ctor !== "function") return true;
	const prot = ctor.prototype;
	if (isObject(prot) === false) return false;
	if (Object.prototype.hasOwnProperty.call(prot, "isPrototypeOf") === false) return false;
	return true;
}
function shallowClone(o) {
	if (isPlainObject(o)) return { ...o };
	if (Array.isArray(o)) return [...o];
	if (o instanceof Map) return new Map(o);
	if (o instanceof Set) return new Set(o);
	return o;
}
const propertyKeyTypes = /* @__PURE__*/ new Set([
	"string",
	"number",
	"symbol"
]);
function escapeRegex(str) {
	return str.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function clone(inst, def, params) {
	const cl = new inst._zod.constr(def ?? inst._zod.def);
	if (!def || params?.parent) cl._zod.parent = inst;
	return cl;
}
function normalizeParams(_params) {
	const params = _params;
	if (!params) return {};
	if (typeof params === "string") return { error: () => params };
	if (params?.message !== void 0) {
		if (params?.error !== void 0) throw new Error("Cannot specify both `message` and `error` params");
		params.error = params.message;
	}
	delete params.message;
	if (typeof params.error === "string") return {
		...params,
		error: () => params.error
	};
	return params;
}
function stringifyPrimitive(value) {
	if (typeof value === "bigint") return value.toString() + "n";
	if (typeof value === "string") return `"${value}"`;
	return `${value}`;
}
function optionalKeys(shape) {
	return Object.keys(shape).filter((k) => {
		return shape[k]._zod.optin !== void 0 && shape[k]._zod.optout === "optional";
	});
}
const NUMBER_FORMAT_RANGES = /*@__PURE__*/ (() => ({
	safeint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
	int32: [-2147483648, 2147483647],
	uint32: [0, 4294967295],
	float32: [-34028234663852886e22, 34028234663852886e22],
	float64: [-Number.MAX_VALUE, Number.MAX_VALUE]
}))();
const BIGINT_FORMAT_RANGES = {
	int64: [/* @__PURE__*/ BigInt("-9223372036854775808"), /* @__PURE__*/ BigInt("9223372036854775807")],
	uint64: [/* @__PURE__*/ BigInt(0), /* @__PURE__*/ BigInt("18446744073709551615")]
};
function pick(schema, mask) {
	const currDef = schema._zod.def;
	const checks = currDef.checks;
	if (checks && checks.length > 0) throw new Error(".pick() cannot be used on object schemas containing refinements");
	const newShape = {};
	mirrorShape(newShape, schema, maskedKeys(schema, mask));
	return clone(schema, mergeDefs(currDef, {
		shape: newShape,
		checks: []
	}));
}
function maskedKeys(schema, mask) {
	const raw = sourceShape(schema);
	const keys = [];
	for (const key of Reflect.ownKeys(mask)) {
		if (!Object.getOwnPropertyDescriptor(raw, key)?.enumerable) throw new Error(`Unrecognized key: "${String(key)}"`);
		if (mask[key]) keys.push(key);
	}
	return keys;
}
function omit(schema, mask) {
	const currDef = schema._zod.def;
	const checks = currDef.checks;
	if (checks && checks.length > 0) throw new Error(".omit() cannot be used on object schemas containing refinements");
	const omitted = new Set(maskedKeys(schema, mask));
	const newShape = {};
	mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)).filter((key) => !omitted.has(key)));
	return clone(schema, mergeDefs(currDef, {
		shape: newShape,
		checks: []
	}));
}
function extend(schema, shape) {
	if (!isPlainObject(shape)) throw new Error("Invalid input to extend: expected a plain object");
	const checks = schema._zod.def.checks;
	if (checks && checks.length > 0) {
		const existingShape = sourceShape(schema);
		for (const key of Reflect.ownKeys(shape)) if (Object.getOwnPropertyDescriptor(existingShape, key) !== void 0) throw new Error("Cannot overwrite keys on object schemas containing refinements. Use `.safeExtend()` instead.");
	}
	return clone(schema, mergeDefs(schema._zod.def, { shape: extended(schema, shape) }));
}
function extended(schema, shape) {
	const newShape = {};
	mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)));
	mirrorProps(newShape, shape);
	return newShape;
}
function safeExtend(schema, shape) {
	if (!isPlainObject(shape)) throw new Error("Invalid input to safeExtend: expected a plain object");
	return clone(schema, mergeDefs(schema._zod.def, { shape: extended(schema, shape) }));
}
function merge(a, b) {
	if (!b?._zod?.def) throw new Error("Invalid input to merge: expected an object schema. To merge a plain shape, use `.extend()`.");
	if (a._zod.def.checks?.length) throw new Error(".merge() cannot be used on object schemas containing refinements. Use .safeExtend() instead.");
	const newShape = {};
	mirrorShape(newShape, a, Reflect.ownKeys(sourceShape(a)));
	mirrorShape(newShape, b, Reflect.ownKeys(sourceShape(b)));
	return clone(a, mergeDefs(a._zod.def, {
		shape: newShape,
		get catchall() {
			return b._zod.def.catchall;
		},
		checks: b._zod.def.checks ?? []
	}));
}
function partial(Class, schema, mask, name = "partial") {
	const checks = schema._zod.def.checks;
	if (checks && checks.length > 0) throw new Error(`.${name}() cannot be used on object schemas containing refinements`);
	const selected = mask ? new Set(maskedKeys(schema, mask)) : void 0;
	const newShape = {};
	mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)), Class && ((value, key) => selected && !selected.has(key) ? value : new Class({
		type: "optional",
		innerType: value
	})));
	return clone(schema, mergeDefs(schema._zod.def, {
		shape: newShape,
		checks: []
	}));
}
function required(Class, schema, mask) {
	const selected = mask ? new Set(maskedKeys(schema, mask)) : void 0;
	const newShape = {};
	mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)), (value, key) => selected && !selected.has(key) ? value : new Class({
		type: "nonoptional",
		innerType: value
	}));
	return clone(schema, mergeDefs(schema._zod.def, { shape: newShape }));
}
function aborted(x, startIndex = 0) {
	if (x.aborted === true) return true;
	for (let i = startIndex; i < x.issues.length; i++) if (x.issues[i]?.continue !== true) return true;
	return false;
}
function explicitlyAborted(x, startIndex = 0) {
	if (x.aborted === true) return true;
	for (let i = startIndex; i < x.issues.length; i++) if (x.issues[i]?.continue === false) return true;
	return false;
}
function prefixIssues(path, issues) {
	return issues.map((iss) => {
		var _a;
		(_a = iss).path ?? (_a.path = []);
		iss.path.unshift(path);
		return iss;
	});
}
function unwrapMessage(message) {
	return typeof message === "string" ? message : message?.message;
}
/** The leading size checks of `defChecks` that set an upper bound, each paired with it. */
function sizeCaps(defChecks) {
	const caps = [];
	for (const ch of defChecks ?? []) {
		const d = ch._zod.def;
		if (!/_(length|size)$|_equals$/.test(d.check)) break;
		const max = d.maximum ?? d.length ?? d.size;
		if (max >= 0) caps.push([max, ch]);
	}
	return caps;
}
function attachSchema(issues, start, inst) {
	var _a;
	for (let i = start; i < issues.length; i++) (_a = issues[i]).schema ?? (_a.schema = inst);
}
function finalizeIssue(iss, ctx, config) {
	var _a;
	const traits = iss.inst?._zod?.traits;
	if (traits?.has("$ZodType")) {
		if (traits.has("$ZodCheck")) (_a = iss).schema ?? (_a.schema = iss.inst);
		else iss.schema = iss.inst;
	}
	const schemaError = iss.schema !== iss.inst ? iss.schema?._zod.def?.error : void 0;
	const message = iss.message ? iss.message : unwrapMessage(iss.inst?._zod.def?.error?.(iss)) ?? unwrapMessage(schemaError?.(iss)) ?? unwrapMessage(ctx?.error?.(iss)) ?? unwrapMessage(config.customError?.(iss)) ?? unwrapMessage(config.localeError?.(iss)) ?? "Invalid input";
	const full = {};
	for (const k of Object.keys(iss)) {
		if (k === "inst" || k === "schema" || k === "continue" || k === "input" || k === "__proto__") continue;
		full[k] = iss[k];
	}
	full.path ?? (full.path = []);
	full.message = message;
	if (ctx?.reportInput) full.input = iss.input;
	return full;
}
const highSurrogate = /[\uD800-\uDBFF]/;
function codePointLength(str) {
	const units = str.length;
	if (!highSurrogate.test(str)) return units;
	let count = units;
	for (let i = 0; i < units - 1; i++) if ((str.charCodeAt(i) & 64512) === 55296 && (str.charCodeAt(i + 1) & 64512) === 56320) {
		count--;
		i++;
	}
	return count;
}
function getLengthableOrigin(input) {
	if (Array.isArray(input)) return "array";
	if (typeof input === "string") return "string";
	return "unknown";
}
function parsedType(data) {
	const t = typeof data;
	switch (t) {
		case "number": return Number.isNaN(data) ? "nan" : "number";
		case "object": {
			if (data === null) return "null";
			if (Array.isArray(data)) return "array";
			const obj = data;
			if (obj && Object.getPrototypeOf(obj) !== Object.prototype && "constructor" in obj && obj.constructor) return obj.constructor.name;
		}
	}
	return t;
}
function issue(...args) {
	const [iss, input, inst] = args;
	if (typeof iss === "string") return {
		message: iss,
		code: "custom",
		input,
		inst
	};
	return { ...iss };
}
/**
* Installs a trait's members on its prototype. Each value builds that member for the instance on first read; the built value shadows the accessor as an own property, so a detached `const { parse } = schema` keeps working.
*
* Call this from a `proto` initializer, which runs once per prototype — never per instance.
*/
function members(proto, table) {
	for (const key in table) {
		const desc = Object.getOwnPropertyDescriptor(table, key);
		if (desc.get) Object.defineProperty(proto, key, {
			...desc,
			enumerable: false
		});
		else defineBound(proto, key, desc.value);
	}
}
/** Shadows a prototype member with an own value, so a getter that builds from the instance runs once. */
function own(inst, key, value, enumerable = true) {
	Object.defineProperty(inst, key, {
		configurable: true,
		writable: true,
		enumerable,
		value
	});
	return value;
}
/** Like {@link own}, for a member that was never an own data property and has to stay out of `Object.keys`. */
function hide(inst, key, value) {
	return own(inst, key, value, false);
}
/** Adds members a table derives from the instance: each builds on first read and shadows as own data, and assignment shadows the same way, as when these were own properties. */
/* @__NO_SIDE_EFFECTS__ */
function derived(computes, table) {
	for (const key in computes) {
		const compute = computes[key];
		Object.defineProperty(table, key, {
			configurable: true,
			enumerable: true,
			get() {
				return own(this, key, compute(this));
			},
			set(value) {
				own(this, key, value);
			}
		});
	}
	return table;
}
function defineBound(proto, key, fn) {
	Object.defineProperty(proto, key, {
		configurable: true,
		get() {
			return this == null ? fn : own(this, key, fn.bind(this));
		},
		set(value) {
			own(this, key, value);
		}
	});
}
/** Returns the prototype to install on, or `undefined` if this group is already installed on it. */
function claim(inst, sentinel) {
	const proto = Object.getPrototypeOf(inst);
	return sentinel in proto ? void 0 : proto;
}
let installing;
let broke = false;
const breaker = {
	configurable: true,
	get() {
		broke = true;
	}
};
/**
* Installs a lazily-derived internal on the `_zod` prototype of `inst`'s
* constructor, computed from the internals object itself and cached there on
* first read. One accessor per constructor rather than one per instance.
*/
function defineLazyInternal(inst, key, compute) {
	const proto = Object.getPrototypeOf(inst._zod);
	if (key in proto && installing !== inst._zod) {
		installing = void 0;
		return;
	}
	installing = inst._zod;
	Object.defineProperty(proto, key, {
		configurable: true,
		get() {
			Object.defineProperty(this, key, breaker);
			const outer = broke;
			broke = false;
			try {
				const value = compute(this);
				if (broke) delete this[key];
				else Object.defineProperty(this, key, {
					configurable: true,
					writable: true,
					value
				});
				broke = broke || outer;
				return value;
			} catch (err) {
				delete this[key];
				broke = broke || outer;
				throw err;
			}
		},
		set(value) {
			Object.defineProperty(this, key, {
				configurable: true,
				writable: true,
				value
			});
		}
	});
}
/**
* Installs `key` on `inst`'s prototype, computed by `make` on first read and cached there as an own
* data property. One accessor per constructor rather than one per instance, because an own accessor
* puts every instance after the first into v8 dictionary mode. The key doubles as the sentinel.
*/
function installLazyProp(inst, key, make, enumerable) {
	const proto = claim(inst, key);
	if (!proto) return;
	Object.defineProperty(proto, key, {
		configurable: true,
		get() {
			const desc = {
				configurable: true,
				writable: true,
				enumerable,
				value: void 0
			};
			Object.defineProperty(this, key, desc);
			desc.value = make(this);
			Object.defineProperty(this, key, desc);
			return desc.value;
		},
		set(value) {
			Object.defineProperty(this, key, {
				configurable: true,
				writable: true,
				enumerable,
				value
			});
		}
	});
}
/** Marks the thunk `_catch` synthesises for a constant catch value. `Function.length` cannot tell that thunk from a user callback — rest and defaulted parameters both report arity 0 — and a user callback reads `ctx.error`, whose issues only finalize correctly against the caller's per-parse error map. Provenance can say what arity cannot. A plain string key rather than `Symbol.for`, whose call at module scope no bundler can prove pure — the same shape that anchored `urlCanParse` into every build. */
const CONSTANT_CATCH = "~constantCatch";
/** Wraps a constant catch value in a thunk tagged with {@link CONSTANT_CATCH}. */
function constantCatch(value) {
	const fn = () => value;
	fn[CONSTANT_CATCH] = true;
	return fn;
}
// node_modules/zod/v4/core/core.js
var _a$1;
const _zodDesc = {
	value: void 0,
	enumerable: false
};
let _E = "captureStackTrace" in Error ? Error : null;
function newError(Definition) {
	const E = _E;
	if (E) {
		const saved = E.stackTraceLimit;
		if (typeof saved === "number") {
			try {
				E.stackTraceLimit = 0;
			} catch {
				_E = null;
				return new Definition();
			}
			try {
				return new Definition();
			} finally {
				E.stackTraceLimit = saved;
			}
		}
	}
	return new Definition();
}
/* @__NO_SIDE_EFFECTS__ */
function $constructor(name, initializer, proto, params) {
	const zodProto = {};
	function Internals(def) {
		this.def = def;
		this.constr = _;
		this.traits = /* @__PURE__ */ new Set();
	}
	Internals.prototype = zodProto;
	const protoMembers = proto;
	const initialized = protoMembers && /* @__PURE__ */ new WeakSet();
	function init(inst, def) {
		if (!inst._zod) {
			_zodDesc.value = new Internals(def);
			try {
				Object.defineProperty(inst, "_zod", _zodDesc);
			} finally {
				_zodDesc.value = void 0;
			}
		} else if (inst._zod.traits.has(name)) return;
		inst._zod.traits.add(name);
		initializer(inst, def);
		if (initialized) {
			const own = Object.getPrototypeOf(inst);
			const ctorProto = inst._zod.constr.prototype;
			let up = own;
			while (up && up !== ctorProto) up = Object.getPrototypeOf(up);
			const target = up ?? own;
			if (!initialized.has(target)) {
				initialized.add(target);
				members(target, protoMembers);
			}
		}
		const proto = _.prototype;
		for (const k in proto) {
			if (!Object.prototype.hasOwnProperty.call(proto, k)) continue;
			if (!(k in inst)) inst[k] = proto[k].bind(inst);
		}
	}
	const Parent = params?.Parent ?? Object;
	class Definition extends Parent {}
	Object.defineProperty(Definition, "name", { value: name });
	function _(def) {
		const inst = params?.Parent ? newError(Definition) : this;
		init(inst, def);
		const deferred = inst._zod.deferred;
		if (deferred) {
			for (const fn of deferred) fn();
			inst._zod.deferred = void 0;
		}
		const pp = globalThis.__zod_globalConfig?.postProcessor;
		if (pp) pp(inst);
		return inst;
	}
	Object.defineProperty(_, "init", { value: init });
	Object.defineProperty(_, Symbol.hasInstance, { value: (inst) => {
		if (params?.Parent && inst instanceof params.Parent) return true;
		return inst?._zod?.traits?.has(name);
	} });
	Object.defineProperty(_, "name", { value: name });
	return _;
}
var $ZodAsyncError = class extends Error {
	constructor() {
		super(`Encountered Promise during synchronous parse. Use .parseAsync() instead.`);
	}
};
var $ZodEncodeError = class extends Error {
	constructor(name) {
		super(`Encountered unidirectional transform during encode: ${name}`);
		this.name = "ZodEncodeError";
	}
};
(_a$1 = globalThis).__zod_globalConfig ?? (_a$1.__zod_globalConfig = {});
const globalConfig = globalThis.__zod_globalConfig;
function config(newConfig) {
	if (newConfig) Object.assign(globalConfig, newConfig);
	return globalConfig;
}
// node_modules/zod/v4/core/errors.js
function _getMessage() {
	const internals = this._zod;
	internals.message ?? (internals.message = JSON.stringify(internals.def, jsonStringifyReplacer, 2));
	return internals.message;
}
function _setMessage(value) {
	this._zod.message = value;
}
const _messageDesc = {
	get: _getMessage,
	set: _setMessage,
	enumerable: true,
	configurable: true
};
const _issuesDesc = {
	value: void 0,
	enumerable: false
};
const _installedToString = /* @__PURE__ */ new WeakSet([Object.prototype, Error.prototype]);
const initializer$1 = (inst, def) => {
	inst.name = "$ZodError";
	_issuesDesc.value = def;
	Object.defineProperty(inst, "issues", _issuesDesc);
	_issuesDesc.value = void 0;
	Object.defineProperty(inst, "message", _messageDesc);
	const proto = Object.getPrototypeOf(inst);
	if (!_installedToString.has(proto)) {
		_installedToString.add(proto);
		Object.defineProperty(proto, "toString", {
			configurable: true,
			enumerable: false,
			get() {
				const value = () => this.message;
				Object.defineProperty(this, "toString", {
					value,
					configurable: true,
					writable: true
				});
				return value;
			},
			set(value) {
				Object.defineProperty(this, "toString", {
					value,
					configurable: true,
					writable: true
				});
			}
		});
	}
};
const $ZodError = /* @__PURE__ */ $constructor("$ZodError", initializer$1);
/** Get-or-create `obj[key]` as an own data property. A path segment naming an inherited member
* ("toString", "constructor") would otherwise read through to the prototype, and assigning
* "__proto__" would hit the setter instead of creating a key. */
function node(obj, key, make) {
	if (!Object.prototype.hasOwnProperty.call(obj, key)) {
		if (key === "__proto__") Object.defineProperty(obj, key, {
			value: make(),
			writable: true,
			enumerable: true,
			configurable: true
		});
		else obj[key] = make();
	}
	return obj[key];
}
function flattenError(error, mapper = (issue) => issue.message) {
	const fieldErrors = {};
	const formErrors = [];
	for (const sub of error.issues) if (sub.path.length > 0) node(fieldErrors, sub.path[0], () => []).push(mapper(sub));
	else formErrors.push(mapper(sub));
	return {
		formErrors,
		fieldErrors
	};
}
function formatError(error, mapper = (issue) => issue.message) {
	const fieldErrors = { _errors: [] };
	const processError = (error, path = []) => {
		for (const issue of error.issues) if (issue.code === "invalid_union" && issue.errors.length) issue.errors.map((issues) => processError({ issues }, [...path, ...issue.path]));
		else if (issue.code === "invalid_key") processError({ issues: issue.issues }, [...path, ...issue.path]);
		else if (issue.code === "invalid_element") processError({ issues: issue.issues }, [...path, ...issue.path]);
		else {
			const fullpath = [...path, ...issue.path];
			if (fullpath.length === 0) fieldErrors._errors.push(mapper(issue));
			else {
				let curr = fieldErrors;
				let i = 0;
				while (i < fullpath.length) {
					const el = fullpath[i];
					const terminal = i === fullpath.length - 1;
					if (el === "_errors") {
						if (terminal) curr._errors.push(mapper(issue));
						i++;
						continue;
					}
					if (!Object.prototype.hasOwnProperty.call(curr, el)) Object.defineProperty(curr, el, {
						value: { _errors: [] },
						enumerable: true,
						writable: true,
						configurable: true
					});
					const node = curr[el];
					if (terminal) node._errors.push(mapper(issue));
					curr = node;
					i++;
				}
			}
		}
	};
	processError(error);
	return fieldErrors;
}
// node_modules/zod/v4/core/parse.js
function finalizeParams(callee, params) {
	return {
		callee: params?.callee ?? callee,
		Err: params?.Err
	};
}
const _parse = (_Err) => {
	const fn = (schema, value, _ctx, _params) => {
		const ctx = _ctx ? {
			..._ctx,
			async: false
		} : { async: false };
		const result = schema._zod.run({
			value,
			issues: []
		}, ctx);
		if (result instanceof Promise) throw new $ZodAsyncError();
		if (result.issues.length) {
			const e = new ((_params?.Err) ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
			captureStackTrace(e, _params?.callee ?? fn);
			throw e;
		}
		return result.value;
	};
	return fn;
};
const _parseAsync = (_Err) => {
	const fn = async (schema, value, _ctx, params) => {
		const ctx = _ctx ? {
			..._ctx,
			async: true
		} : { async: true };
		let result = schema._zod.run({
			value,
			issues: []
		}, ctx);
		if (result instanceof Promise) result = await result;
		if (result.issues.length) {
			const e = new ((params?.Err) ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
			captureStackTrace(e, params?.callee ?? fn);
			throw e;
		}
		return result.value;
	};
	return fn;
};
const _safeParse = (_Err) => (schema, value, _ctx) => {
	const ctx = _ctx ? {
		..._ctx,
		async: false
	} : { async: false };
	const result = schema._zod.run({
		value,
		issues: []
	}, ctx);
	if (result instanceof Promise) throw new $ZodAsyncError();
	return result.issues.length ? failure(_Err, result.issues, ctx) : {
		success: true,
		data: result.value
	};
};
function failure(Err, issues, ctx) {
	let error;
	return {
		success: false,
		get error() {
			if (!error) {
				error = new Err(issues.map((iss) => finalizeIssue(iss, ctx, config())));
				issues = void 0;
				ctx = void 0;
			}
			return error;
		},
		set error(e) {
			error = e;
			issues = void 0;
			ctx = void 0;
		}
	};
}
const _safeParseAsync = (_Err) => async (schema, value, _ctx) => {
	const ctx = _ctx ? {
		..._ctx,
		async: true
	} : { async: true };
	let result = schema._zod.run({
		value,
		issues: []
	}, ctx);
	if (result instanceof Promise) result = await result;
	return result.issues.length ? failure(_Err, result.issues, ctx) : {
		success: true,
		data: result.value
	};
};
const COMPILE_INVALID = /* @__PURE__ */ Symbol.for("zod.compile.invalid");
const COMPILE_FALLBACK = /* @__PURE__ */ Symbol.for("zod.compile.fallback");
const validate = ((schema, value, _ctx) => {
	const validator = schema._zod.bag.validator;
	if (validator !== void 0) {
		if (validator(value) !== COMPILE_INVALID) return true;
		if (validator.definite === true && _ctx === void 0) return false;
	}
	return validateFallback(schema, value, _ctx);
});
function validateFallback(schema, value, _ctx) {
	const ctx = _ctx ? {
		..._ctx,
		async: false,
		abortEarly: true
	} : {
		async: false,
		abortEarly: true
	};
	const fallbackRun = schema._zod.bag.fallbackRun;
	let result;
	if (fallbackRun) {
		ctx[COMPILE_FALLBACK] = true;
		result = fallbackRun({
			value,
			issues: []
		}, ctx);
	} else result = schema._zod.run({
		value,
		issues: []
	}, ctx);
	if (result instanceof Promise) throw new $ZodAsyncError();
	return result.issues.length === 0;
}
const validateAsync$1 = async (schema, value, _ctx) => {
	const ctx = _ctx ? {
		..._ctx,
		async: true,
		abortEarly: true
	} : {
		async: true,
		abortEarly: true
	};
	let result = schema._zod.run({
		value,
		issues: []
	}, ctx);
	if (result instanceof Promise) result = await result;
	return result.issues.length === 0;
};
const _encode = (_Err) => {
	const parse = _parse(_Err);
	const fn = (schema, value, _ctx, _params) => {
		const ctx = _ctx ? {
			..._ctx,
			direction: "backward"
		} : { direction: "backward" };
		return parse(schema, value, ctx, finalizeParams(fn, _params));
	};
	return fn;
};
const _decode = (_Err) => {
	const parse = _parse(_Err);
	const fn = (schema, value, _ctx, _params) => {
		return parse(schema, value, _ctx, finalizeParams(fn, _params));
	};
	return fn;
};
const _encodeAsync = (_Err) => {
	const parseAsync = _parseAsync(_Err);
	const fn = async (schema, value, _ctx, _params) => {
		const ctx = _ctx ? {
			..._ctx,
			direction: "backward"
		} : { direction: "backward" };
		return await parseAsync(schema, value, ctx, finalizeParams(fn, _params));
	};
	return fn;
};
const _decodeAsync = (_Err) => {
	const parseAsync = _parseAsync(_Err);
	const fn = async (schema, value, _ctx, _params) => {
		return await parseAsync(schema, value, _ctx, finalizeParams(fn, _params));
	};
	return fn;
};
const _safeEncode = (_Err) => (schema, value, _ctx) => {
	const ctx = _ctx ? {
		..._ctx,
		direction: "backward"
	} : { direction: "backward" };
	return _safeParse(_Err)(schema, value, ctx);
};
const _safeDecode = (_Err) => (schema, value, _ctx) => {
	return _safeParse(_Err)(schema, value, _ctx);
};
const _safeEncodeAsync = (_Err) => async (schema, value, _ctx) => {
	const ctx = _ctx ? {
		..._ctx,
		direction: "backward"
	} : { direction: "backward" };
	return _safeParseAsync(_Err)(schema, value, ctx);
};
const _safeDecodeAsync = (_Err) => async (schema, value, _ctx) => {
	return _safeParseAsync(_Err)(schema, value, _ctx);
};
// node_modules/zod/v4/core/regexes.js
/**
* @deprecated CUID v1 is deprecated by its authors due to information leakage
* (timestamps embedded in the id). Use {@link cuid2} instead.
* See https://github.com/paralleldrive/cuid.
*/
const cuid = /^[cC][0-9a-z]{6,}$/;
const cuid2 = /^[0-9a-z]+$/;
const ulid = /^[0-7][0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{25}$/;
const xid = /^[0-9a-vA-V]{20}$/;
const ksuid = /^[A-Za-z0-9]{27}$/;
const nanoid = /^[a-zA-Z0-9_-]{21}$/;
function nanoidOfLength(length) {
	return new RegExp(`^[a-zA-Z0-9_-]{${length}}$`);
}
/** ISO 8601-1 duration regex. Does not support the 8601-2 extensions like negative durations or fractional/negative components. */
const duration = /^P(?:(\d+W)|(?!.*W)(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+([.,]\d+)?S)?)?)$/;
/** A regex for any UUID-like identifier: 8-4-4-4-12 hex pattern */
const guid = /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;
/** Returns a regex for validating an RFC 9562/4122 UUID.
*
* @param version Optionally specify a version 1-8. If no version is specified, all versions are supported. */
const uuid = (version) => {
	if (!version) return /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;
	return new RegExp(`^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-${version}[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12})$`);
};
/** Practical email validation */
const email = /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;
const _emoji$1 = `^(?=[\\s\\S]*[\\p{Extended_Pictographic}\\p{Regional_Indicator}\\u20E3])[\\p{Extended_Pictographic}\\p{Emoji_Component}]+$`;
function emoji() {
	return new RegExp(_emoji$1, "u");
}
const ipv4 = /^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])$/;
const ipv6 = /^(([0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,7}:|([0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,5}(:[0-9a-fA-F]{1,4}){1,2}|([0-9a-fA-F]{1,4}:){1,4}(:[0-9a-fA-F]{1,4}){1,3}|([0-9a-fA-F]{1,4}:){1,3}(:[0-9a-fA-F]{1,4}){1,4}|([0-9a-fA-F]{1,4}:){1,2}(:[0-9a-fA-F]{1,4}){1,5}|[0-9a-fA-F]{1,4}:((:[0-9a-fA-F]{1,4}){1,6})|:((:[0-9a-fA-F]{1,4}){1,7}|:))$/;
const cidrv4 = /^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\/([0-9]|[1-2][0-9]|3[0-2])$/;
const cidrv6 = /^(([0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,7}:|([0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,5}(:[0-9a-fA-F]{1,4}){1,2}|([0-9a-fA-F]{1,4}:){1,4}(:[0-9a-fA-F]{1,4}){1,3}|([0-9a-fA-F]{1,4}:){1,3}(:[0-9a-fA-F]{1,4}){1,4}|([0-9a-fA-F]{1,4}:){1,2}(:[0-9a-fA-F]{1,4}){1,5}|[0-9a-fA-F]{1,4}:((:[0-9a-fA-F]{1,4}){1,6})|:((:[0-9a-fA-F]{1,4}){1,7}|:))\/(12[0-8]|1[01][0-9]|[1-9]?[0-9])$/;
const base64 = /^$|^(?:[0-9a-zA-Z+/]{4})*(?:(?:[0-9a-zA-Z+/]{2}==)|(?:[0-9a-zA-Z+/]{3}=))?$/;
const base64url = /^(?:[A-Za-z0-9_-]{4})*(?:[A-Za-z0-9_-]{2,3})?$/;
const httpProtocol = /^https?$/;
const e164 = /^\+[1-9]\d{6,14}$/;
const dateSource = `(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))`;
/** Anchors a pattern source. The interpolation lives here rather than at the call site because
* esbuild will not drop a `@__PURE__` call whose own argument interpolates a variable, but it
* will drop `anchor(dateSource)`. Keeping it inline pinned `date` into every bundle. */
function anchor(source) {
	return new RegExp(`^${source}$`);
}
const date = /*@__PURE__*/ anchor(dateSource);
function timeSource(args) {
	const hhmm = `(?:[01]\\d|2[0-3]):[0-5]\\d`;
	return typeof args.precision === "number" ? args.precision === -1 ? `${hhmm}` : args.precision === 0 ? `${hhmm}:[0-5]\\d` : `${hhmm}:[0-5]\\d\\.\\d{${args.precision}}` : args.seconds ? `${hhmm}:[0-5]\\d(?:\\.\\d+)?` : `${hhmm}(?::[0-5]\\d(?:\\.\\d+)?)?`;
}
function time(args) {
	return new RegExp(`^${timeSource(args)}$`);
}
function datetime(args) {
	const opts = ["Z"];
	if (args.offset) opts.push(`([+-](?:[01]\\d|2[0-3]):[0-5]\\d)`);
	const qualified = `${timeSource({
		precision: args.precision,
		seconds: true
	})}(?:${opts.join("|")})`;
	const timeRegex = args.local ? `${qualified}|${timeSource({ precision: args.precision })}` : qualified;
	return new RegExp(`^${dateSource}T(?:${timeRegex})$`);
}
const anyString = /^[\s\S]{0,}$/;
const number$1 = /^-?\d+(?:\.\d+)?$/;
const boolean$1 = /^(?:true|false)$/i;
const lowercase = /^[^A-Z]*$/;
const uppercase = /^[^a-z]*$/;
// node_modules/zod/v4/core/checks.js
const $ZodCheck = /*@__PURE__*/ $constructor("$ZodCheck", (inst, def) => {
	var _a;
	inst._zod ?? (inst._zod = {});
	inst._zod.def = def;
	(_a = inst._zod).onattach ?? (_a.onattach = []);
});
/** Default `when` for length-based checks: run only on non-nullish values with a `length`. */
const _whenHasLength = (payload) => {
	const val = payload.value;
	return !nullish(val) && val.length !== void 0;
};
const numericOriginMap = {
	number: "number",
	bigint: "bigint",
	object: "date"
};
const $ZodCheckLessThan = /*@__PURE__*/ $constructor("$ZodCheckLessThan", (inst, def) => {
	$ZodCheck.init(inst, def);
	const origin = numericOriginMap[typeof def.value];
	inst._zod.check = (payload) => {
		if (def.inclusive ? payload.value <= def.value : payload.value < def.value) return;
		payload.issues.push({
			origin: numericOriginMap[typeof payload.value] ?? origin,
			code: "too_big",
			maximum: typeof def.value === "object" ? def.value.getTime() : def.value,
			input: payload.value,
			inclusive: def.inclusive,
			inst,
			continue: !def.abort
		});
	};
});
const $ZodCheckGreaterThan = /*@__PURE__*/ $constructor("$ZodCheckGreaterThan", (inst, def) => {
	$ZodCheck.init(inst, def);
	const origin = numericOriginMap[typeof def.value];
	inst._zod.check = (payload) => {
		if (def.inclusive ? payload.value >= def.value : payload.value > def.value) return;
		payload.issues.push({
			origin: numericOriginMap[typeof payload.value] ?? origin,
			code: "too_small",
			minimum: typeof def.value === "object" ? def.value.getTime() : def.value,
			input: payload.value,
			inclusive: def.inclusive,
			inst,
			continue: !def.abort
		});
	};
});
const $ZodCheckMultipleOf = /*@__PURE__*/ $constructor("$ZodCheckMultipleOf", (inst, def) => {
	$ZodCheck.init(inst, def);
	inst._zod.check = (payload) => {
		if (typeof payload.value !== typeof def.value) throw new Error("Cannot mix number and bigint in multiple_of check.");
		if (typeof payload.value === "bigint" ? def.value !== BigInt(0) && payload.value % def.value === BigInt(0) : floatSafeRemainder(payload.value, def.value) === 0) return;
		payload.issues.push({
			origin: typeof payload.value,
			code: "not_multiple_of",
			divisor: def.value,
			input: payload.value,
			inst,
			continue: !def.abort
		});
	};
});
const $ZodCheckNumberFormat = /*@__PURE__*/ $constructor("$ZodCheckNumberFormat", (inst, def) => {
	$ZodCheck.init(inst, def);
	def.format = def.format || "float64";
	const isInt = def.format?.includes("int");
	const origin = isInt ? "int" : "number";
	const [minimum, maximum] = NUMBER_FORMAT_RANGES[def.format];
	inst._zod.check = (payload) => {
		const input = payload.value;
		if (isInt) {
			if (!Number.isInteger(input)) {
				payload.issues.push({
					expected: origin,
					format: def.format,
					code: "invalid_type",
					continue: false,
					input,
					inst
				});
				return;
			}
			if (!Number.isSafeInteger(input)) {
				if (input > 0) payload.issues.push({
					input,
					code: "too_big",
					maximum: Number.MAX_SAFE_INTEGER,
					note: "Integers must be within the safe integer range.",
					inst,
					origin,
					inclusive: true,
					continue: !def.abort
				});
				else payload.issues.push({
					input,
					code: "too_small",
					minimum: Number.MIN_SAFE_INTEGER,
					note: "Integers must be within the safe integer range.",
					inst,
					origin,
					inclusive: true,
					continue: !def.abort
				});
				return;
			}
		}
		if (input < minimum) payload.issues.push({
			origin: "number",
			input,
			code: "too_small",
			minimum,
			inclusive: true,
			inst,
			continue: !def.abort
		});
		if (input > maximum) payload.issues.push({
			origin: "number",
			input,
			code: "too_big",
			maximum,
			inclusive: true,
			inst,
			continue: !def.abort
		});
	};
});
const $ZodCheckMaxLength = /*@__PURE__*/ $constructor("$ZodCheckMaxLength", (inst, def) => {
	var _a;
	$ZodCheck.init(inst, def);
	(_a = inst._zod.def).when ?? (_a.when = _whenHasLength);
	inst._zod.check = (payload) => {
		const input = payload.value;
		const units = input.length;
		if ((typeof input === "string" && units > def.maximum ? codePointLength(input) : units) <= def.maximum) return;
		const origin = getLengthableOrigin(input);
		payload.issues.push({
			origin,
			code: "too_big",
			maximum: def.maximum,
			inclusive: true,
			input,
			inst,
			continue: !def.abort
		});
	};
});
const $ZodCheckMinLength = /*@__PURE__*/ $constructor("$ZodCheckMinLength", (inst, def) => {
	var _a;
	$ZodCheck.init(inst, def);
	(_a = inst._zod.def).when ?? (_a.when = _whenHasLength);
	inst._zod.check = (payload) => {
		const input = payload.value;
		const units = input.length;
		if ((typeof input === "string" && units >= def.minimum && units < def.minimum * 2 ? codePointLength(input) : units) >= def.minimum) return;
		const origin = getLengthableOrigin(input);
		payload.issues.push({
			origin,
			code: "too_small",
			minimum: def.minimum,
			inclusive: true,
			input,
			inst,
			continue: !def.abort
		});
	};
});
const $ZodCheckLengthEquals = /*@__PURE__*/ $constructor("$ZodCheckLengthEquals", (inst, def) => {
	var _a;
	$ZodCheck.init(inst, def);
	(_a = inst._zod.def).when ?? (_a.when = _whenHasLength);
	inst._zod.check = (payload) => {
		const input = payload.value;
		const units = input.length;
		const length = typeof input === "string" && units >= def.length && units <= def.length * 2 ? codePointLength(input) : units;
		if (length === def.length) return;
		const origin = getLengthableOrigin(input);
		const tooBig = length > def.length;
		payload.issues.push({
			origin,
			...tooBig ? {
				code: "too_big",
				maximum: def.length
			} : {
				code: "too_small",
				minimum: def.length
			},
			inclusive: true,
			exact: true,
			input: payload.value,
			inst,
			continue: !def.abort
		});
	};
});
const $ZodCheckStringFormat = /*@__PURE__*/ $constructor("$ZodCheckStringFormat", (inst, def) => {
	var _a, _b;
	$ZodCheck.init(inst, def);
	if (def.pattern) (_a = inst._zod).check ?? (_a.check = (payload) => {
		def.pattern.lastIndex = 0;
		if (def.pattern.test(payload.value)) return;
		payload.issues.push({
			origin: "string",
			code: "invalid_format",
			format: def.format,
			input: payload.value,
			...def.pattern ? { pattern: def.pattern.toString() } : {},
			inst,
			continue: !def.abort
		});
	});
	else (_b = inst._zod).check ?? (_b.check = () => {});
});
const $ZodCheckRegex = /*@__PURE__*/ $constructor("$ZodCheckRegex", (inst, def) => {
	$ZodCheckStringFormat.init(inst, def);
	inst._zod.check = (payload) => {
		def.pattern.lastIndex = 0;
		if (def.pattern.test(payload.value)) return;
		payload.issues.push({
			origin: "string",
			code: "invalid_format",
			format: "regex",
			input: payload.value,
			pattern: def.pattern.toString(),
			inst,
			continue: !def.abort
		});
	};
});
const $ZodCheckLowerCase = /*@__PURE__*/ $constructor("$ZodCheckLowerCase", (inst, def) => {
	def.pattern ?? (def.pattern = lowercase);
	$ZodCheckStringFormat.init(inst, def);
});
const $ZodCheckUpperCase = /*@__PURE__*/ $constructor("$ZodCheckUpperCase", (inst, def) => {
	def.pattern ?? (def.pattern = uppercase);
	$ZodCheckStringFormat.init(inst, def);
});
const $ZodCheckIncludes = /*@__PURE__*/ $constructor("$ZodCheckIncludes", (inst, def) => {
	$ZodCheck.init(inst, def);
	const escapedRegex = escapeRegex(def.includes);
	def.pattern = new RegExp(typeof def.position === "number" ? `^.{${def.position},}${escapedRegex}` : escapedRegex);
	inst._zod.check = (payload) => {
		if (payload.value.includes(def.includes, def.position)) return;
		payload.issues.push({
			origin: "string",
			code: "invalid_format",
			format: "includes",
			includes: def.includes,
			input: payload.value,
			inst,
			continue: !def.abort
		});
	};
});
const $ZodCheckStartsWith = /*@__PURE__*/ $constructor("$ZodCheckStartsWith", (inst, def) => {
	$ZodCheck.init(inst, def);
	const pattern = new RegExp(`^${escapeRegex(def.prefix)}.*`);
	def.pattern ?? (def.pattern = pattern);
	inst._zod.check = (payload) => {
		if (payload.value.startsWith(def.prefix)) return;
		payload.issues.push({
			origin: "string",
			code: "invalid_format",
			format: "starts_with",
			prefix: def.prefix,
			input: payload.value,
			inst,
			continue: !def.abort
		});
	};
});
const $ZodCheckEndsWith = /*@__PURE__*/ $constructor("$ZodCheckEndsWith", (inst, def) => {
	$ZodCheck.init(inst, def);
	const pattern = new RegExp(`.*${escapeRegex(def.suffix)}$`);
	def.pattern ?? (def.pattern = pattern);
	inst._zod.check = (payload) => {
		if (payload.value.endsWith(def.suffix)) return;
		payload.issues.push({
			origin: "string",
			code: "invalid_format",
			format: "ends_with",
			suffix: def.suffix,
			input: payload.value,
			inst,
			continue: !def.abort
		});
	};
});
const $ZodCheckOverwrite = /*@__PURE__*/ $constructor("$ZodCheckOverwrite", (inst, def) => {
	$ZodCheck.init(inst, def);
	inst._zod.check = (payload) => {
		payload.value = def.tx(payload.value);
	};
});
// node_modules/zod/v4/core/doc.js
var Doc = class {
	constructor(args = [], closed = {}) {
		this.content = [];
		this.indent = 0;
		this.args = args;
		this.closed = closed;
	}
	indented(fn) {
		this.indent += 1;
		try {
			fn(this);
		} finally {
			this.indent -= 1;
		}
	}
	write(arg) {
		if (typeof arg === "function") {
			arg(this, { execution: "sync" });
			arg(this, { execution: "async" });
			return;
		}
		const lines = arg.split("\n").filter((x) => x);
		const minIndent = Math.min(...lines.map((x) => x.length - x.trimStart().length));
		const dedented = lines.map((x) => x.slice(minIndent)).map((x) => " ".repeat(this.indent * 2) + x);
		for (const line of dedented) this.content.push(line);
	}
	compile() {
		const F = Function;
		const content = this?.content ?? [``];
		return new F(...Object.keys(this.closed), `return function (${this.args.join(", ")}) {\n${content.join("\n")}\n};`)(...Object.values(this.closed));
	}
};
// node_modules/zod/v4/core/versions.js
const version = {
	major: 4,
	minor: 6,
	patch: 7
};
// node_modules/zod/v4/core/schemas.js
const $ZodType = /*@__PURE__*/ $constructor("$ZodType", (inst, def) => {
	var _a;
	inst ?? (inst = {});
	inst._zod.def = def;
	inst._zod.bag = inst._zod.bag || {};
	inst._zod.version = version;
	const defChecks = inst._zod.def.checks;
	const checks = inst._zod.traits.has("$ZodCheck") ? [inst, ...defChecks ?? []] : defChecks?.length ? [...defChecks] : [];
	for (const ch of checks) for (const fn of ch._zod.onattach) fn(inst);
	if (checks.length === 0) {
		(_a = inst._zod).deferred ?? (_a.deferred = []);
		inst._zod.deferred?.push(() => {
			inst._zod.run = inst._zod.parse;
		});
	} else {
		const runChecks = (payload, checks, ctx) => {
			if (payload.memo) return payload;
			let isAborted = aborted(payload);
			let asyncResult;
			for (const ch of checks) {
				if (ch._zod.def.when) {
					if (explicitlyAborted(payload)) continue;
					if (!ch._zod.def.when(payload)) continue;
				} else if (isAborted) continue;
				const currLen = payload.issues.length;
				const _ = ch._zod.check(payload);
				if (_ instanceof Promise && ctx?.async === false) throw new $ZodAsyncError();
				if (asyncResult || _ instanceof Promise) asyncResult = (asyncResult ?? Promise.resolve()).then(async () => {
					await _;
					if (payload.issues.length === currLen) return;
					attachSchema(payload.issues, currLen, inst);
					if (!isAborted) isAborted = aborted(payload, currLen);
				});
				else {
					if (payload.issues.length === currLen) continue;
					attachSchema(payload.issues, currLen, inst);
					if (!isAborted) isAborted = aborted(payload, currLen);
				}
			}
			if (asyncResult) return asyncResult.then(() => {
				return payload;
			});
			return payload;
		};
		const handleCanaryResult = (canary, payload, ctx) => {
			if (aborted(canary)) {
				canary.aborted = true;
				return canary;
			}
			const checkResult = runChecks(payload, checks, ctx);
			if (checkResult instanceof Promise) {
				if (ctx.async === false) throw new $ZodAsyncError();
				return checkResult.then((checkResult) => inst._zod.parse(checkResult, ctx));
			}
			return inst._zod.parse(checkResult, ctx);
		};
		inst._zod.run = (payload, ctx) => {
			if (ctx.skipChecks) return inst._zod.parse(payload, ctx);
			if (ctx.direction === "backward") {
				const canary = inst._zod.parse({
					value: payload.value,
					issues: []
				}, {
					...ctx,
					skipChecks: true
				});
				if (canary instanceof Promise) return canary.then((canary) => {
					return handleCanaryResult(canary, payload, ctx);
				});
				return handleCanaryResult(canary, payload, ctx);
			}
			const result = inst._zod.parse(payload, ctx);
			if (result instanceof Promise) {
				if (ctx.async === false) throw new $ZodAsyncError();
				return result.then((result) => runChecks(result, checks, ctx));
			}
			return runChecks(result, checks, ctx);
		};
	}
}, {
	get "~standard"() {
		return hide(this, "~standard", standardProps(this));
	},
	set "~standard"(value) {
		own(this, "~standard", value);
	}
});
/** The Standard Schema surface for `inst`. Shared so wrappers can extend it without forcing it. */
const toStandardResult = (r, ctx) => r.issues.length ? { issues: r.issues.map((iss) => finalizeIssue(iss, ctx, config())) } : { value: r.value };
async function validateAsync(inst, value) {
	const ctx = { async: true };
	return toStandardResult(await inst._zod.run({
		value,
		issues: []
	}, ctx), ctx);
}
function standardProps(inst) {
	return {
		validate: (value) => {
			const ctx = { async: false };
			try {
				const r = inst._zod.run({
					value,
					issues: []
				}, ctx);
				if (!(r instanceof Promise)) return toStandardResult(r, ctx);
			} catch (_) {}
			return validateAsync(inst, value);
		},
		vendor: "zod",
		version: 1
	};
}
const $ZodString = /*@__PURE__*/ $constructor("$ZodString", (inst, def) => {
	$ZodType.init(inst, def);
	inst._zod.pattern = def.pattern ?? anyString;
	inst._zod.parse = (payload, _) => {
		if (def.coerce) try {
			payload.value = String(payload.value);
		} catch (_) {}
		if (typeof payload.value === "string") return payload;
		payload.issues.push({
			expected: "string",
			code: "invalid_type",
			input: payload.value,
			inst
		});
		return payload;
	};
});
const $ZodStringFormat = /*@__PURE__*/ $constructor("$ZodStringFormat", (inst, def) => {
	$ZodCheckStringFormat.init(inst, def);
	$ZodString.init(inst, def);
});
const $ZodGUID = /*@__PURE__*/ $constructor("$ZodGUID", (inst, def) => {
	def.pattern ?? (def.pattern = guid);
	$ZodStringFormat.init(inst, def);
});
const $ZodUUID = /*@__PURE__*/ $constructor("$ZodUUID", (inst, def) => {
	if (def.version) {
		const v = {
			v1: 1,
			v2: 2,
			v3: 3,
			v4: 4,
			v5: 5,
			v6: 6,
			v7: 7,
			v8: 8
		}[def.version];
		if (v === void 0) throw new Error(`Invalid UUID version: "${def.version}"`);
		def.pattern ?? (def.pattern = uuid(v));
	} else def.pattern ?? (def.pattern = uuid());
	$ZodStringFormat.init(inst, def);
});
const $ZodEmail = /*@__PURE__*/ $constructor("$ZodEmail", (inst, def) => {
	def.pattern ?? (def.pattern = email);
	$ZodStringFormat.init(inst, def);
});
function canParseURL(input) {
	try {
		if (typeof URL !== "undefined" && typeof URL.canParse === "function") return URL.canParse(input);
		new URL(input);
		return true;
	} catch {
		return false;
	}
}
function validateURL(trimmed, def) {
	if (!("normalize" in def) && !("hostname" in def) && !("protocol" in def)) return canParseURL(trimmed) || 2;
	return parseURLObject(trimmed, def);
}
/** Parses a URL while preserving the non-normalizing HTTP guard. */
function parseURLObject(trimmed, def) {
	if (!def.normalize && def.protocol?.source === httpProtocol.source && !/^https?:\/\//i.test(trimmed)) return 1;
	try {
		if (typeof URL !== "undefined") {
			const URLStatic = URL;
			if (typeof URLStatic.parse === "function") return URLStatic.parse(trimmed) ?? 2;
		}
		return new URL(trimmed);
	} catch {
		return 2;
	}
}
const asciiTabOrNewline = /[\t\n\r]/g;
/** The URL parser deletes every ASCII tab, LF and CR from its input before it parses, so `new URL("https://exa\nmple.com")` reports on `example.com`. Applying the same deletion to the returned value closes the half of that divergence which can move the host; the parser's other rewrite, stripping C0 controls at the edges, cannot. */
function stripTabAndNewline(value) {
	return value.replace(asciiTabOrNewline, "");
}
function urlHostnameOk(url, hostname) {
	hostname.lastIndex = 0;
	return hostname.test(url.hostname);
}
function urlProtocolOk(url, protocol) {
	protocol.lastIndex = 0;
	return protocol.test(url.protocol.endsWith(":") ? url.protocol.slice(0, -1) : url.protocol);
}
const $ZodURL = /*@__PURE__*/ $constructor("$ZodURL", (inst, def) => {
	$ZodStringFormat.init(inst, def);
	inst._zod.check = (payload) => {
		try {
			const trimmed = payload.value.trim();
			const url = validateURL(trimmed, def);
			if (url === 1) {
				payload.issues.push({
					code: "invalid_format",
					format: "url",
					note: "Invalid URL format",
					input: payload.value,
					inst,
					continue: !def.abort
				});
				return;
			}
			if (url === 2) {
				payload.issues.push({
					code: "invalid_format",
					format: "url",
					input: payload.value,
					inst,
					continue: !def.abort
				});
				return;
			}
			if (url === true) {
				payload.value = stripTabAndNewline(trimmed);
				return;
			}
			if (def.hostname && !urlHostnameOk(url, def.hostname)) payload.issues.push({
				code: "invalid_format",
				format: "url",
				note: "Invalid hostname",
				pattern: def.hostname.source,
				input: payload.value,
				inst,
				continue: !def.abort
			});
			if (def.protocol && !urlProtocolOk(url, def.protocol)) payload.issues.push({
				code: "invalid_format",
				format: "url",
				note: "Invalid protocol",
				pattern: def.protocol.source,
				input: payload.value,
				inst,
				continue: !def.abort
			});
			payload.value = def.normalize ? url.href : stripTabAndNewline(trimmed);
			return;
		} catch (_) {
			payload.issues.push({
				code: "invalid_format",
				format: "url",
				input: payload.value,
				inst,
				continue: !def.abort
			});
		}
	};
});
const $ZodEmoji = /*@__PURE__*/ $constructor("$ZodEmoji", (inst, def) => {
	def.pattern ?? (def.pattern = emoji());
	$ZodStringFormat.init(inst, def);
});
const $ZodNanoID = /*@__PURE__*/ $constructor("$ZodNanoID", (inst, def) => {
	if (def.length !== void 0 && (!Number.isInteger(def.length) || def.length < 1)) throw new Error(`Invalid nanoid length: ${def.length}`);
	def.pattern ?? (def.pattern = def.length === void 0 ? nanoid : nanoidOfLength(def.length));
	$ZodStringFormat.init(inst, def);
});
/**
* @deprecated CUID v1 is deprecated by its authors due to information leakage
* (timestamps embedded in the id). Use {@link $ZodCUID2} instead.
* See https://github.com/paralleldrive/cuid.
*/
const $ZodCUID = /*@__PURE__*/ $constructor("$ZodCUID", (inst, def) => {
	def.pattern ?? (def.pattern = cuid);
	$ZodStringFormat.init(inst, def);
});
const $ZodCUID2 = /*@__PURE__*/ $constructor("$ZodCUID2", (inst, def) => {
	def.pattern ?? (def.pattern = cuid2);
	$ZodStringFormat.init(inst, def);
});
const $ZodULID = /*@__PURE__*/ $constructor("$ZodULID", (inst, def) => {
	def.pattern ?? (def.pattern = ulid);
	$ZodStringFormat.init(inst, def);
});
const $ZodXID = /*@__PURE__*/ $constructor("$ZodXID", (inst, def) => {
	def.pattern ?? (def.pattern = xid);
	$ZodStringFormat.init(inst, def);
});
const $ZodKSUID = /*@__PURE__*/ $constructor("$ZodKSUID", (inst, def) => {
	def.pattern ?? (def.pattern = ksuid);
	$ZodStringFormat.init(inst, def);
});
const $ZodISODateTime = /*@__PURE__*/ $constructor("$ZodISODateTime", (inst, def) => {
	def.pattern ?? (def.pattern = datetime(def));
	$ZodStringFormat.init(inst, def);
});
const $ZodISODate = /*@__PURE__*/ $constructor("$ZodISODate", (inst, def) => {
	def.pattern ?? (def.pattern = date);
	$ZodStringFormat.init(inst, def);
});
const $ZodISOTime = /*@__PURE__*/ $constructor("$ZodISOTime", (inst, def) => {
	def.pattern ?? (def.pattern = time(def));
	$ZodStringFormat.init(inst, def);
});
const $ZodISODuration = /*@__PURE__*/ $constructor("$ZodISODuration", (inst, def) => {
	def.pattern ?? (def.pattern = duration);
	$ZodStringFormat.init(inst, def);
});
const $ZodIPv4 = /*@__PURE__*/ $constructor("$ZodIPv4", (inst, def) => {
	def.pattern ?? (def.pattern = ipv4);
	$ZodStringFormat.init(inst, def);
});
/** An IPv6 address is written with hex digits, colons and dots, and nothing else. The guard is what makes the check below an IPv6 check: `new URL("http://[...]")` parses an authority, not an address, so `@` and `\` re-delimit it and `"::@1\\"` validates against the host `0.0.0.1`. The URL parser also deletes ASCII tab, LF and CR rather than failing, which is how `"::1\n"` validated as `::1`. */
const ipv6Alphabet = /^[0-9a-fA-F:.]+$/;
function isValidIPv6(value) {
	if (!ipv6Alphabet.test(value)) return false;
	return canParseURL(`http://[${value}]`);
}
const $ZodIPv6 = /*@__PURE__*/ $constructor("$ZodIPv6", (inst, def) => {
	def.pattern ?? (def.pattern = ipv6);
	$ZodStringFormat.init(inst, def);
	inst._zod.check = (payload) => {
		if (!isValidIPv6(payload.value)) payload.issues.push({
			code: "invalid_format",
			format: "ipv6",
			input: payload.value,
			inst,
			continue: !def.abort
		});
	};
});
const $ZodCIDRv4 = /*@__PURE__*/ $constructor("$ZodCIDRv4", (inst, def) => {
	def.pattern ?? (def.pattern = cidrv4);
	$ZodStringFormat.init(inst, def);
});
function isValidCIDRv6(value) {
	const parts = value.split("/");
	if (parts.length !== 2) return false;
	const [address, prefix] = parts;
	if (!prefix) return false;
	const prefixNum = Number(prefix);
	if (`${prefixNum}` !== prefix) return false;
	if (prefixNum < 0 || prefixNum > 128) return false;
	return isValidIPv6(address);
}
const $ZodCIDRv6 = /*@__PURE__*/ $constructor("$ZodCIDRv6", (inst, def) => {
	def.pattern ?? (def.pattern = cidrv6);
	$ZodStringFormat.init(inst, def);
	inst._zod.check = (payload) => {
		if (!isValidCIDRv6(payload.value)) payload.issues.push({
			code: "invalid_format",
			format: "cidrv6",
			input: payload.value,
			inst,
			continue: !def.abort
		});
	};
});
function isValidBase64(data) {
	if (data === "") return true;
	if (/\s/.test(data)) return false;
	if (data.length % 4 !== 0) return false;
	try {
		atob(data);
		return true;
	} catch {
		return false;
	}
}
const base64Charset = /^[0-9a-zA-Z+/]*={0,2}$/;
const $ZodBase64 = /*@__PURE__*/ $constructor("$ZodBase64", (inst, def) => {
	def.pattern ?? (def.pattern = base64Charset);
	$ZodStringFormat.init(inst, def);
	inst._zod.check = (payload) => {
		if (isValidBase64(payload.value)) return;
		payload.issues.push({
			code: "invalid_format",
			format: "base64",
			input: payload.value,
			inst,
			continue: !def.abort
		});
	};
});
const base64urlCharset = /^[A-Za-z0-9_-]*$/;
function isValidBase64URL(data) {
	if (!base64urlCharset.test(data)) return false;
	const base64 = data.replace(/[-_]/g, (c) => c === "-" ? "+" : "/");
	return isValidBase64(base64.padEnd(Math.ceil(base64.length / 4) * 4, "="));
}
const $ZodBase64URL = /*@__PURE__*/ $constructor("$ZodBase64URL", (inst, def) => {
	def.pattern ?? (def.pattern = base64urlCharset);
	$ZodStringFormat.init(inst, def);
	inst._zod.check = (payload) => {
		if (isValidBase64URL(payload.value)) return;
		payload.issues.push({
			code: "invalid_format",
			format: "base64url",
			input: payload.value,
			inst,
			continue: !def.abort
		});
	};
});
const $ZodE164 = /*@__PURE__*/ $constructor("$ZodE164", (inst, def) => {
	def.pattern ?? (def.pattern = e164);
	$ZodStringFormat.init(inst, def);
});
function isValidJWT(token, algorithm = null) {
	try {
		const tokensParts = token.split(".");
		if (tokensParts.length !== 3) return false;
		const [header] = tokensParts;
		if (!header) return false;
		const parsedHeader = JSON.parse(atob(header));
		if ("typ" in parsedHeader && parsedHeader?.typ !== "JWT") return false;
		if (!parsedHeader.alg) return false;
		if (algorithm && (!("alg" in parsedHeader) || parsedHeader.alg !== algorithm)) return false;
		return true;
	} catch {
		return false;
	}
}
const $ZodJWT = /*@__PURE__*/ $constructor("$ZodJWT", (inst, def) => {
	$ZodStringFormat.init(inst, def);
	inst._zod.check = (payload) => {
		if (isValidJWT(payload.value, def.alg)) return;
		payload.issues.push({
			code: "invalid_format",
			format: "jwt",
			input: payload.value,
			inst,
			continue: !def.abort
		});
	};
});
const $ZodNumber = /*@__PURE__*/ $constructor("$ZodNumber", (inst, def) => {
	$ZodType.init(inst, def);
	inst._zod.pattern = number$1;
	inst._zod.parse = (payload, _ctx) => {
		if (def.coerce) try {
			payload.value = Number(payload.value);
		} catch (_) {}
		const input = payload.value;
		if (typeof input === "number" && !Number.isNaN(input) && Number.isFinite(input)) return payload;
		const received = typeof input === "number" ? Number.isNaN(input) ? "NaN" : !Number.isFinite(input) ? String(input) : void 0 : void 0;
		payload.issues.push({
			expected: "number",
			code: "invalid_type",
			input,
			inst,
			...received ? { received } : {}
		});
		return payload;
	};
});
const $ZodNumberFormat = /*@__PURE__*/ $constructor("$ZodNumberFormat", (inst, def) => {
	$ZodCheckNumberFormat.init(inst, def);
	$ZodNumber.init(inst, def);
});
const $ZodBoolean = /*@__PURE__*/ $constructor("$ZodBoolean", (inst, def) => {
	$ZodType.init(inst, def);
	inst._zod.pattern = boolean$1;
	inst._zod.parse = (payload, _ctx) => {
		if (def.coerce) try {
			payload.value = Boolean(payload.value);
		} catch (_) {}
		const input = payload.value;
		if (typeof input === "boolean") return payload;
		payload.issues.push({
			expected: "boolean",
			code: "invalid_type",
			input,
			inst
		});
		return payload;
	};
});
const $ZodUnknown = /*@__PURE__*/ $constructor("$ZodUnknown", (inst, def) => {
	$ZodType.init(inst, def);
	inst._zod.parse = (payload) => payload;
});
const $ZodNever = /*@__PURE__*/ $constructor("$ZodNever", (inst, def) => {
	$ZodType.init(inst, def);
	inst._zod.parse = (payload, _ctx) => {
		payload.issues.push({
			expected: "never",
			code: "invalid_type",
			input: payload.value,
			inst
		});
		return payload;
	};
});
function capSize(inst, size) {
	const caps = sizeCaps(inst._zod.def.checks);
	if (!caps.length) return;
	const cap = Math.min(...caps.map((c) => c[0]));
	const parse = inst._zod.parse;
	inst._zod.parse = (payload, ctx) => {
		const n = size(payload.value);
		if (n > cap && !ctx?.skipChecks && ctx?.direction !== "backward") {
			for (const [max, ch] of sizeCaps(inst._zod.def.checks)) if (n > max && ch._zod.def.when(payload)) {
				const start = payload.issues.length;
				ch._zod.check(payload);
				payload.issues[start].continue = false;
				attachSchema(payload.issues, start, inst);
				return payload;
			}
		}
		return parse(payload, ctx);
	};
}
const arraySize = (input) => Array.isArray(input) ? input.length : -1;
function handleArrayResult(result, final, index) {
	if (result.issues.length) final.issues.push(...prefixIssues(index, result.issues));
	final.value[index] = result.value;
}
const $ZodArray = /*@__PURE__*/ $constructor("$ZodArray", (inst, def) => {
	$ZodType.init(inst, def);
	const memo = globalConfig.memoizer;
	memo?.attach(inst);
	inst._zod.parse = (payload, ctx) => {
		const input = payload.value;
		if (!Array.isArray(input)) {
			payload.issues.push({
				expected: "array",
				code: "invalid_type",
				input,
				inst
			});
			return payload;
		}
		payload.value = memo ? memo.alloc(inst, payload, Array(input.length), ctx) : Array(input.length);
		const proms = [];
		const abortEarly = ctx?.abortEarly;
		for (let i = 0; i < input.length; i++) {
			const item = input[i];
			const result = def.element._zod.run({
				value: item,
				issues: []
			}, ctx);
			if (result instanceof Promise) proms.push(result.then((result) => handleArrayResult(result, payload, i)));
			else {
				handleArrayResult(result, payload, i);
				if (abortEarly && result.issues.length !== 0 && aborted(result)) break;
			}
		}
		if (proms.length) return Promise.all(proms).then(() => payload);
		return payload;
	};
	capSize(inst, arraySize);
});
function handlePropertyResult(result, final, key, input, optin, optout) {
	const isPresent = key in input;
	const isOptionalOut = optout === "optional";
	if (!isPresent && isOptionalOut && optin === "optional") return;
	if (result.issues.length) {
		if (optin !== void 0 && isOptionalOut && !isPresent) return;
		final.issues.push(...prefixIssues(key, result.issues));
	}
	if (!isPresent && optin === void 0) {
		if (!result.issues.length) final.issues.push({
			code: "invalid_type",
			expected: "nonoptional",
			input: void 0,
			path: [key]
		});
		return;
	}
	if (result.value === void 0) {
		if (isPresent || optin === "defaulted" && !isOptionalOut) final.value[key] = void 0;
	} else final.value[key] = result.value;
}
const NO_SYMBOL_KEYS = [];
function normalizeDef(def) {
	const keys = Object.keys(def.shape);
	const ownSymbols = Object.getOwnPropertySymbols(def.shape);
	const symbolKeys = ownSymbols.length ? ownSymbols : NO_SYMBOL_KEYS;
	const allKeys = symbolKeys.length ? [...keys, ...symbolKeys] : keys;
	for (const k of allKeys) if (!def.shape?.[k]?._zod?.traits?.has("$ZodType")) throw new Error(`Invalid element at key "${String(k)}": expected a Zod schema`);
	const okeys = optionalKeys(def.shape);
	return {
		...def,
		allKeys,
		symbolKeys,
		keySet: new Set(keys),
		numKeys: keys.length,
		optionalKeys: new Set(okeys)
	};
}
function handleCatchall(proms, input, payload, ctx, def, inst, abortEarly) {
	const unrecognized = [];
	const keySet = def.keySet;
	const _catchall = def.catchall._zod;
	const t = _catchall.def.type;
	const optin = _catchall.optin;
	const optout = _catchall.optout;
	let seen = 0;
	for (const key in input) {
		if (abortEarly && payload.issues.length !== seen) {
			if (aborted(payload, seen)) break;
			seen = payload.issues.length;
		}
		if (keySet.has(key)) continue;
		if (key === "__proto__") {
			if (t === "never") unrecognized.push(key);
			continue;
		}
		if (t === "never") {
			unrecognized.push(key);
			continue;
		}
		const r = _catchall.run({
			value: input[key],
			issues: []
		}, ctx);
		if (r instanceof Promise) proms.push(r.then((r) => handlePropertyResult(r, payload, key, input, optin, optout)));
		else handlePropertyResult(r, payload, key, input, optin, optout);
	}
	if (unrecognized.length) payload.issues.push({
		code: "unrecognized_keys",
		keys: unrecognized,
		input,
		inst,
		continue: true
	});
	if (!proms.length) return payload;
	return Promise.all(proms).then(() => {
		return payload;
	});
}
const $ZodObject = /*@__PURE__*/ $constructor("$ZodObject", (inst, def) => {
	$ZodType.init(inst, def);
	const desc = Object.getOwnPropertyDescriptor(def, "shape");
	const sh = desc?.get ? desc.get.raw : def.shape ?? {};
	if (sh) {
		const get = () => {
			const newSh = { ...sh };
			Object.defineProperty(def, "shape", { value: newSh });
			get.raw = newSh;
			return newSh;
		};
		get.raw = sh;
		Object.defineProperty(def, "shape", { get });
	}
	const _normalized = cached(() => normalizeDef(def));
	defineLazyInternal(inst, "propValues", (zod) => {
		const shape = zod.def.shape;
		const propValues = {};
		for (const key in shape) {
			const field = shape[key]._zod;
			if (field.values) {
				if (!Object.prototype.hasOwnProperty.call(propValues, key)) assignProp(propValues, key, /* @__PURE__ */ new Set());
				for (const v of field.values) propValues[key].add(v);
				if (field.optin !== void 0) propValues[key].add(void 0);
			}
		}
		return propValues;
	});
	const isObject$1 = isObject;
	const catchall = def.catchall;
	let value;
	const memo = globalConfig.memoizer;
	memo?.attach(inst);
	inst._zod.parse = (payload, ctx) => {
		value ?? (value = _normalized.value);
		const input = payload.value;
		if (!isObject$1(input)) {
			payload.issues.push({
				expected: "object",
				code: "invalid_type",
				input,
				inst
			});
			return payload;
		}
		payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
		const proms = [];
		const shape = value.shape;
		const abortEarly = ctx?.abortEarly;
		let seen = payload.issues.length;
		for (const key of value.allKeys) {
			if (abortEarly && payload.issues.length !== seen) {
				if (aborted(payload, seen)) break;
				seen = payload.issues.length;
			}
			if (key === "__proto__") continue;
			const el = shape[key];
			const optin = el._zod.optin;
			const optout = el._zod.optout;
			const r = el._zod.run({
				value: input[key],
				issues: []
			}, ctx);
			if (r instanceof Promise) proms.push(r.then((r) => handlePropertyResult(r, payload, key, input, optin, optout)));
			else handlePropertyResult(r, payload, key, input, optin, optout);
		}
		if (!catchall) return proms.length ? Promise.all(proms).then(() => payload) : payload;
		return handleCatchall(proms, input, payload, ctx, _normalized.value, inst, abortEarly === true);
	};
});
const $ZodObjectJIT = /*@__PURE__*/ $constructor("$ZodObjectJIT", (inst, def) => {
	$ZodObject.init(inst, def);
	const superParse = inst._zod.parse;
	const _normalized = cached(() => normalizeDef(def));
	const memo = globalConfig.memoizer;
	const generateFastpass = (shape) => {
		const normalized = _normalized.value;
		const syms = normalized.symbolKeys;
		const doc = new Doc(["payload", "ctx"], {
			shape,
			inst,
			memo,
			syms
		});
		const parseStr = (k) => `shape[${k}]._zod.run({ value: input[${k}], issues: [] }, ctx)`;
		const prefixStr = (id, k) => `
          let ${id}_ab = false;
          for (let i = 0; i < ${id}.issues.length; i++) {
            const iss = ${id}.issues[i];
            iss.path = iss.path ? [${k}, ...iss.path] : [${k}];
            payload.issues.push(iss);
            if (iss.continue !== true) ${id}_ab = true;
          }
          if (${id}_ab && ctx && ctx.abortEarly) {
            payload.value = newResult;
            return payload;
          }`;
		doc.write(`const input = payload.value;`);
		const ids = Object.create(null);
		let counter = 0;
		for (const key of normalized.allKeys) ids[key] = `key_${counter++}`;
		doc.write(memo ? `const newResult = memo.alloc(inst, payload, {}, ctx);` : `const newResult = {};`);
		for (const key of normalized.allKeys) {
			if (key === "__proto__") continue;
			const id = ids[key];
			const k = typeof key === "symbol" ? `syms[${syms.indexOf(key)}]` : esc(key);
			const isPresent = `${k} in input`;
			const schema = shape[key];
			const optin = schema?._zod?.optin;
			const isOptionalIn = optin !== void 0;
			const isOptionalOut = schema?._zod?.optout === "optional";
			doc.write(`const ${id} = ${parseStr(k)};`);
			if (isOptionalIn && isOptionalOut) {
				const assign = optin === "optional" ? `${id}_present` : `${id}.value !== undefined || ${id}_present`;
				doc.write(`
        const ${id}_present = ${isPresent};
        if (!${id}.issues.length || ${id}_present) {
          if (${id}.issues.length) {${prefixStr(id, k)}
          }

          if (${assign}) {
            newResult[${k}] = ${id}.value;
          }
        }

      `);
			} else if (!isOptionalIn) doc.write(`
        const ${id}_present = ${isPresent};
        if (${id}.issues.length) {${prefixStr(id, k)}
        }
        if (!${id}_present && !${id}.issues.length) {
          payload.issues.push({
            code: "invalid_type",
            expected: "nonoptional",
            input: undefined,
            path: [${k}]
          });
          if (ctx && ctx.abortEarly) {
            payload.value = newResult;
            return payload;
          }
        }

        if (${id}_present) {
          newResult[${k}] = ${id}.value;
        }

      `);
			else {
				doc.write(`
        if (${id}.issues.length) {${prefixStr(id, k)}
        }
      `);
				if (optin === "defaulted") doc.write(`newResult[${k}] = ${id}.value;`);
				else doc.write(`
        if (${id}.value !== undefined || ${isPresent}) {
          newResult[${k}] = ${id}.value;
        }
      `);
			}
		}
		doc.write(`payload.value = newResult;`);
		doc.write(`return payload;`);
		return doc.compile();
	};
	let fastpass;
	const isObject$2 = isObject;
	const jit = !globalConfig.jitless;
	const fastEnabled = jit && allowsEval.value;
	const catchall = def.catchall;
	let value;
	inst._zod.parse = (payload, ctx) => {
		value ?? (value = _normalized.value);
		const input = payload.value;
		if (!isObject$2(input)) {
			payload.issues.push({
				expected: "object",
				code: "invalid_type",
				input,
				inst
			});
			return payload;
		}
		if (jit && fastEnabled && ctx?.async === false && ctx.jitless !== true) {
			if (!fastpass) fastpass = generateFastpass(def.shape);
			payload = fastpass(payload, ctx);
			if (!catchall) return payload;
			return handleCatchall([], input, payload, ctx, value, inst, ctx?.abortEarly === true);
		}
		return superParse(payload, ctx);
	};
});
function handleUnionResults(results, final, inst, ctx) {
	for (const result of results) if (result.issues.length === 0) {
		final.value = result.value;
		return final;
	}
	const nonaborted = results.filter((r) => !aborted(r));
	if (nonaborted.length === 1) {
		final.value = nonaborted[0].value;
		return nonaborted[0];
	}
	final.issues.push({
		code: "invalid_union",
		input: final.value,
		inst,
		errors: results.map((result) => result.issues.map((iss) => finalizeIssue(iss, ctx, config())))
	});
	return final;
}
const $ZodUnion = /*@__PURE__*/ $constructor("$ZodUnion", (inst, def) => {
	$ZodType.init(inst, def);
	defineLazyInternal(inst, "optin", (zod) => zod.def.options.some((o) => o._zod.optin === "defaulted") ? "defaulted" : zod.def.options.some((o) => o._zod.optin !== void 0) ? "optional" : void 0);
	defineLazyInternal(inst, "optout", (zod) => zod.def.options.some((o) => o._zod.optout === "optional") ? "optional" : void 0);
	defineLazyInternal(inst, "values", (zod) => {
		if (zod.def.options.every((o) => o._zod.values)) return new Set(zod.def.options.flatMap((option) => Array.from(option._zod.values)));
	});
	defineLazyInternal(inst, "pattern", (zod) => {
		if (zod.def.options.every((o) => o._zod.pattern)) {
			const patterns = zod.def.options.map((o) => o._zod.pattern);
			return new RegExp(`^(${patterns.map((p) => cleanRegex(p.source)).join("|")})$`);
		}
	});
	const first = def.options.length === 1 ? def.options[0]._zod.run : null;
	inst._zod.parse = (payload, ctx) => {
		if (first) return first(payload, ctx);
		let async = false;
		const results = [];
		for (const option of def.options) {
			const result = option._zod.run({
				value: payload.value,
				issues: []
			}, ctx);
			if (result instanceof Promise) {
				results.push(result);
				async = true;
			} else {
				if (result.issues.length === 0) return result;
				results.push(result);
			}
		}
		if (!async) return handleUnionResults(results, payload, inst, ctx);
		return Promise.all(results).then((results) => {
			return handleUnionResults(results, payload, inst, ctx);
		});
	};
});
function discriminatorMap(def) {
	const map = /* @__PURE__ */ new Map();
	for (const option of def.options) {
		const values = option._zod.propValues?.[def.discriminator];
		if (!values || values.size === 0) throw new Error(`Invalid discriminated union option at index "${def.options.indexOf(option)}"`);
		for (const value of values) if (map.has(value)) {
			if (value !== void 0) throw new Error(`Duplicate discriminator value "${String(value)}"`);
			map.set(value, null);
		} else map.set(value, option);
	}
	return map;
}
const $ZodDiscriminatedUnion = /*@__PURE__*/ $constructor("$ZodDiscriminatedUnion", (inst, def) => {
	def.inclusive = false;
	$ZodUnion.init(inst, def);
	const _super = inst._zod.parse;
	defineLazyInternal(inst, "propValues", (zod) => {
		const propValues = {};
		let undefinedCount = 0;
		for (const option of zod.def.options) {
			const pv = option._zod.propValues;
			if (!pv || Object.keys(pv).length === 0) throw new Error(`Invalid discriminated union option at index "${zod.def.options.indexOf(option)}"`);
			if (pv[zod.def.discriminator]?.has(void 0)) undefinedCount++;
			for (const [k, v] of Object.entries(pv)) {
				if (!Object.prototype.hasOwnProperty.call(propValues, k)) assignProp(propValues, k, /* @__PURE__ */ new Set());
				for (const val of v) propValues[k].add(val);
			}
		}
		if (!zod.def.unionFallback && undefinedCount > 1) propValues[zod.def.discriminator]?.delete(void 0);
		return propValues;
	});
	def.options.forEach((option, i) => {
		const propShape = rawShape(option._zod.def);
		if (propShape && !Object.prototype.hasOwnProperty.call(propShape, def.discriminator)) throw new Error(`Invalid discriminated union option at index "${i}"`);
	});
	const disc = cached(() => discriminatorMap(def));
	inst._zod.parse = (payload, ctx) => {
		const input = payload.value;
		if (!isObject(input)) {
			payload.issues.push({
				code: "invalid_type",
				expected: "object",
				input,
				inst
			});
			return payload;
		}
		const value = input?.[def.discriminator];
		const opt = disc.value.get(value);
		if (opt && (value !== void 0 || ctx.direction !== "backward")) return opt._zod.run(payload, ctx);
		if (def.unionFallback || ctx.direction === "backward") return _super(payload, ctx);
		payload.issues.push({
			code: "invalid_union",
			errors: [],
			note: "No matching discriminator",
			discriminator: def.discriminator,
			options: Array.from(disc.value.keys()).filter((value) => disc.value.get(value) !== null),
			input,
			path: [def.discriminator],
			inst
		});
		return payload;
	};
});
const $ZodIntersection = /*@__PURE__*/ $constructor("$ZodIntersection", (inst, def) => {
	$ZodType.init(inst, def);
	inst._zod.parse = (payload, ctx) => {
		const input = payload.value;
		const left = def.left._zod.run({
			value: input,
			issues: []
		}, ctx);
		const right = def.right._zod.run({
			value: input,
			issues: []
		}, ctx);
		if (left instanceof Promise || right instanceof Promise) return Promise.all([left, right]).then(([left, right]) => {
			return handleIntersectionResults(payload, left, right);
		});
		return handleIntersectionResults(payload, left, right);
	};
});
function mergeValues(a, b) {
	if (a === b) return {
		valid: true,
		data: a
	};
	if (a instanceof Date && b instanceof Date && +a === +b) return {
		valid: true,
		data: a
	};
	if (isPlainObject(a) && isPlainObject(b)) {
		const bKeys = Object.keys(b);
		const sharedKeys = Object.keys(a).filter((key) => bKeys.indexOf(key) !== -1);
		const newObj = {
			...a,
			...b
		};
		if (Object.prototype.hasOwnProperty.call(newObj, "__proto__")) delete newObj.__proto__;
		for (const key of sharedKeys) {
			if (key === "__proto__") continue;
			const sharedValue = mergeValues(a[key], b[key]);
			if (!sharedValue.valid) return {
				valid: false,
				mergeErrorPath: [key, ...sharedValue.mergeErrorPath]
			};
			newObj[key] = sharedValue.data;
		}
		return {
			valid: true,
			data: newObj
		};
	}
	if (Array.isArray(a) && Array.isArray(b)) {
		if (a.length !== b.length) return {
			valid: false,
			mergeErrorPath: []
		};
		const newArray = [];
		for (let index = 0; index < a.length; index++) {
			const itemA = a[index];
			const itemB = b[index];
			const sharedValue = mergeValues(itemA, itemB);
			if (!sharedValue.valid) return {
				valid: false,
				mergeErrorPath: [index, ...sharedValue.mergeErrorPath]
			};
			newArray.push(sharedValue.data);
		}
		return {
			valid: true,
			data: newArray
		};
	}
	return {
		valid: false,
		mergeErrorPath: []
	};
}
function handleIntersectionResults(result, left, right) {
	const unrecKeys = /* @__PURE__ */ new Map();
	let unrecIssue;
	const keyIssues = /* @__PURE__ */ new Map();
	const collect = (iss, side) => {
		let keys;
		if (iss.code === "unrecognized_keys" && !iss.path?.length) {
			unrecIssue ?? (unrecIssue = iss);
			keys = iss.keys;
		} else if (iss.code === "invalid_key" && iss.origin === "record" && iss.path?.length === 1) {
			const k = String(iss.path[0]);
			if (!keyIssues.has(k)) keyIssues.set(k, iss);
			keys = [k];
		} else return false;
		for (const k of keys) {
			if (!unrecKeys.has(k)) unrecKeys.set(k, {});
			unrecKeys.get(k)[side] = true;
		}
		return true;
	};
	for (const iss of left.issues) if (!collect(iss, "l")) result.issues.push(iss);
	for (const iss of right.issues) if (!collect(iss, "r")) result.issues.push(iss);
	const bothKeys = [...unrecKeys].filter(([, f]) => f.l && f.r).map(([k]) => k);
	if (bothKeys.length) {
		const aggregated = unrecIssue ? bothKeys.filter((k) => unrecIssue.keys.includes(k)) : [];
		if (aggregated.length) result.issues.push({
			...unrecIssue,
			keys: aggregated
		});
		for (const k of bothKeys) if (!aggregated.includes(k) && keyIssues.has(k)) result.issues.push(keyIssues.get(k));
	}
	const merged = mergeValues(left.value, right.value);
	if (!merged.valid) {
		if (aborted(result)) return result;
		throw new Error(`Unmergable intersection. Error path: ${JSON.stringify(merged.mergeErrorPath)}`);
	}
	result.value = merged.data;
	return result;
}
const $ZodEnum = /*@__PURE__*/ $constructor("$ZodEnum", (inst, def) => {
	$ZodType.init(inst, def);
	const values = getEnumValues(def.entries);
	const valuesSet = new Set(values);
	inst._zod.values = valuesSet;
	defineLazyInternal(inst, "pattern", (zod) => {
		const patternValues = getEnumValues(zod.def.entries).filter((k) => propertyKeyTypes.has(typeof k));
		return new RegExp(patternValues.length ? `^(${patternValues.map((o) => escapeRegex(o.toString())).join("|")})$` : "^[^\\s\\S]$");
	});
	inst._zod.parse = (payload, _ctx) => {
		const input = payload.value;
		if (valuesSet.has(input)) return payload;
		payload.issues.push({
			code: "invalid_value",
			values,
			input,
			inst
		});
		return payload;
	};
});
const $ZodLiteral = /*@__PURE__*/ $constructor("$ZodLiteral", (inst, def) => {
	$ZodType.init(inst, def);
	const values = new Set(def.values);
	inst._zod.values = values;
	defineLazyInternal(inst, "pattern", (zod) => {
		const vals = zod.def.values;
		return new RegExp(vals.length ? `^(${vals.map((o) => typeof o === "string" ? escapeRegex(o) : o ? escapeRegex(o.toString()) : String(o)).join("|")})$` : "^[^\\s\\S]$");
	});
	inst._zod.parse = (payload, _ctx) => {
		const input = payload.value;
		if (values.has(input)) return payload;
		payload.issues.push({
			code: "invalid_value",
			values: def.values,
			input,
			inst
		});
		return payload;
	};
});
const $ZodTransform = /*@__PURE__*/ $constructor("$ZodTransform", (inst, def) => {
	$ZodType.init(inst, def);
	inst._zod.optin = "optional";
	globalConfig.memoizer?.guard(inst);
	inst._zod.parse = (payload, ctx) => {
		if (ctx.direction === "backward") throw new $ZodEncodeError(inst.constructor.name);
		const _out = def.transform(payload.value, payload);
		if (ctx.async) return (_out instanceof Promise ? _out : Promise.resolve(_out)).then((output) => {
			payload.value = output;
			return payload;
		});
		if (_out instanceof Promise) throw new $ZodAsyncError();
		payload.value = _out;
		return payload;
	};
});
function handleOptionalResult(payload, result) {
	payload.value = result.issues.length ? void 0 : result.value;
	return payload;
}
const $ZodOptional = /*@__PURE__*/ $constructor("$ZodOptional", (inst, def) => {
	$ZodType.init(inst, def);
	defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin === "defaulted" ? "defaulted" : "optional");
	inst._zod.optout = "optional";
	defineLazyInternal(inst, "values", (zod) => {
		const values = zod.def.innerType._zod.values;
		return values ? /* @__PURE__ */ new Set([...values, void 0]) : void 0;
	});
	defineLazyInternal(inst, "pattern", (zod) => {
		const pattern = zod.def.innerType._zod.pattern;
		return pattern ? new RegExp(`^(${cleanRegex(pattern.source)})?$`) : void 0;
	});
	inst._zod.parse = (payload, ctx) => {
		if (payload.value === void 0) {
			if (def.innerType._zod.optin !== "defaulted") return payload;
			const result = def.innerType._zod.run({
				value: payload.value,
				issues: []
			}, ctx);
			if (result instanceof Promise) return result.then((result) => handleOptionalResult(payload, result));
			return handleOptionalResult(payload, result);
		}
		return def.innerType._zod.run(payload, ctx);
	};
});
const $ZodExactOptional = /*@__PURE__*/ $constructor("$ZodExactOptional", (inst, def) => {
	$ZodOptional.init(inst, def);
	defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
	defineLazyInternal(inst, "pattern", (zod) => zod.def.innerType._zod.pattern);
	inst._zod.parse = (payload, ctx) => {
		return def.innerType._zod.run(payload, ctx);
	};
});
const $ZodNullable = /*@__PURE__*/ $constructor("$ZodNullable", (inst, def) => {
	$ZodType.init(inst, def);
	defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin);
	defineLazyInternal(inst, "optout", (zod) => zod.def.innerType._zod.optout);
	defineLazyInternal(inst, "pattern", (zod) => {
		const pattern = zod.def.innerType._zod.pattern;
		return pattern ? new RegExp(`^(${cleanRegex(pattern.source)}|null)$`) : void 0;
	});
	defineLazyInternal(inst, "values", (zod) => {
		return zod.def.innerType._zod.values ? /* @__PURE__ */ new Set([...zod.def.innerType._zod.values, null]) : void 0;
	});
	inst._zod.parse = (payload, ctx) => {
		if (payload.value === null) return payload;
		return def.innerType._zod.run(payload, ctx);
	};
});
const $ZodDefault = /*@__PURE__*/ $constructor("$ZodDefault", (inst, def) => {
	$ZodType.init(inst, def);
	inst._zod.optin = "defaulted";
	defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
	inst._zod.parse = (payload, ctx) => {
		if (ctx.direction === "backward") return def.innerType._zod.run(payload, ctx);
		if (payload.value === void 0) {
			payload.value = def.defaultValue;
			/**
			* $ZodDefault returns the default value immediately in forward direction.
			* It doesn't pass the default value into the validator ("prefault"). There's no reason to pass the default value through validation. The validity of the default is enforced by TypeScript statically. Otherwise, it's the responsibility of the user to ensure the default is valid. In the case of pipes with divergent in/out types, you can specify the default on the `in` schema of your ZodPipe to set a "prefault" for the pipe.   */
			return payload;
		}
		const result = def.innerType._zod.run(payload, ctx);
		if (result instanceof Promise) return result.then((result) => handleDefaultResult(result, def));
		return handleDefaultResult(result, def);
	};
});
function handleDefaultResult(payload, def) {
	if (payload.value === void 0) payload.value = def.defaultValue;
	return payload;
}
const $ZodPrefault = /*@__PURE__*/ $constructor("$ZodPrefault", (inst, def) => {
	$ZodType.init(inst, def);
	inst._zod.optin = "defaulted";
	defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
	inst._zod.parse = (payload, ctx) => {
		if (ctx.direction === "backward") return def.innerType._zod.run(payload, ctx);
		if (payload.value === void 0) payload.value = def.defaultValue;
		return def.innerType._zod.run(payload, ctx);
	};
});
const $ZodNonOptional = /*@__PURE__*/ $constructor("$ZodNonOptional", (inst, def) => {
	$ZodType.init(inst, def);
	defineLazyInternal(inst, "values", (zod) => {
		const v = zod.def.innerType._zod.values;
		return v ? new Set([...v].filter((x) => x !== void 0)) : void 0;
	});
	inst._zod.parse = (payload, ctx) => {
		const result = def.innerType._zod.run(payload, ctx);
		if (result instanceof Promise) return result.then((result) => handleNonOptionalResult(result, inst));
		return handleNonOptionalResult(result, inst);
	};
});
function handleNonOptionalResult(payload, inst) {
	if (!payload.issues.length && payload.value === void 0) payload.issues.push({
		code: "invalid_type",
		expected: "nonoptional",
		input: payload.value,
		inst
	});
	return payload;
}
function handleCatchResult(payload, result, def, ctx) {
	if (!result.issues.length) {
		payload.value = result.value;
		if (result.memo) payload.memo = true;
		return payload;
	}
	payload.value = def.catchValue({
		...result,
		value: payload.value,
		error: { issues: result.issues.map((iss) => finalizeIssue(iss, ctx, config())) },
		input: payload.value
	});
	return payload;
}
const $ZodCatch = /*@__PURE__*/ $constructor("$ZodCatch", (inst, def) => {
	$ZodType.init(inst, def);
	defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin === "defaulted" ? "defaulted" : "optional");
	defineLazyInternal(inst, "optout", (zod) => zod.def.innerType._zod.optout);
	defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
	inst._zod.parse = (payload, ctx) => {
		if (ctx.direction === "backward") return def.innerType._zod.run(payload, ctx);
		const result = def.innerType._zod.run({
			value: payload.value,
			issues: []
		}, ctx);
		if (result instanceof Promise) return result.then((result) => handleCatchResult(payload, result, def, ctx));
		return handleCatchResult(payload, result, def, ctx);
	};
});
const $ZodPipe = /*@__PURE__*/ $constructor("$ZodPipe", (inst, def) => {
	$ZodType.init(inst, def);
	defineLazyInternal(inst, "values", (zod) => zod.def.in._zod.values);
	defineLazyInternal(inst, "optin", (zod) => zod.def.in._zod.optin);
	defineLazyInternal(inst, "optout", (zod) => zod.def.out._zod.optout);
	defineLazyInternal(inst, "propValues", (zod) => zod.def.in._zod.propValues);
	inst._zod.parse = (payload, ctx) => {
		if (ctx.direction === "backward") {
			const right = def.out._zod.run(payload, ctx);
			if (right instanceof Promise) return right.then((right) => handlePipeResult(right, def.in, ctx));
			return handlePipeResult(right, def.in, ctx);
		}
		const left = def.in._zod.run(payload, ctx);
		if (left instanceof Promise) return left.then((left) => handlePipeResult(left, def.out, ctx));
		return handlePipeResult(left, def.out, ctx);
	};
});
function handlePipeResult(left, next, ctx) {
	if (left.issues.some((iss) => iss.code !== "unrecognized_keys")) {
		left.aborted = true;
		return left;
	}
	return next._zod.run({
		value: left.value,
		issues: left.issues
	}, ctx);
}
const $ZodReadonly = /*@__PURE__*/ $constructor("$ZodReadonly", (inst, def) => {
	$ZodType.init(inst, def);
	defineLazyInternal(inst, "propValues", (zod) => zod.def.innerType._zod.propValues);
	defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
	defineLazyInternal(inst, "optin", (zod) => zod.def.innerType?._zod?.optin);
	defineLazyInternal(inst, "optout", (zod) => zod.def.innerType?._zod?.optout);
	inst._zod.parse = (payload, ctx) => {
		if (ctx.direction === "backward") return def.innerType._zod.run(payload, ctx);
		const result = def.innerType._zod.run(payload, ctx);
		if (result instanceof Promise) return result.then(handleReadonlyResult);
		return handleReadonlyResult(result);
	};
});
function handleReadonlyResult(payload) {
	if (!payload.memo) payload.value = Object.freeze(payload.value);
	return payload;
}
const $ZodCustom = /*@__PURE__*/ $constructor("$ZodCustom", (inst, def) => {
	$ZodCheck.init(inst, def);
	$ZodType.init(inst, def);
	inst._zod.parse = (payload, _) => {
		return payload;
	};
	inst._zod.check = (payload) => {
		const input = payload.value;
		const r = def.fn(input);
		if (r instanceof Promise) return r.then((r) => handleRefineResult(r, payload, input, inst));
		handleRefineResult(r, payload, input, inst);
	};
});
function handleRefineResult(result, payload, input, inst) {
	if (!result) {
		const _iss = {
			code: "custom",
			input,
			inst,
			path: [...inst._zod.def.path ?? []],
			continue: !inst._zod.def.abort
		};
		if (inst._zod.def.params) _iss.params = inst._zod.def.params;
		payload.issues.push(issue(_iss));
	}
}
// node_modules/zod/v4/core/memoizer.js
var $ZodCyclicError = class extends Error {
	constructor() {
		super(`Cannot parse a reference cycle that closes through a transform`);
		this.name = "ZodCyclicError";
	}
};
/** Keyed off the context object every schema in one parse call already shares. */
const STATE = "~memo";
const NO_ISSUES = [];
function isRef(value) {
	return value !== null && typeof value === "object";
}
function cloneIssues(issues) {
	return issues.map((iss) => iss.path ? {
		...iss,
		path: iss.path.slice()
	} : { ...iss });
}
const recursive = /*@__PURE__*/ new WeakMap();
/** What the walk established, in order of certainty: ordered so the strongest answer among children wins. */
const NONE = 0;
const ASSUMED = 1;
const PROVEN = 2;
/** Whether this schema's subtree contains a cycle, so one parse can re-enter it. */
function isRecursive(inst, stack, resolve) {
	const cached = recursive.get(inst);
	if (cached !== void 0) return cached ? PROVEN : NONE;
	if (stack.has(inst)) return PROVEN;
	stack.add(inst);
	let result = NONE;
	const check = (child) => {
		if (result !== PROVEN && child?._zod) {
			const answer = isRecursive(child, stack, resolve);
			if (answer > result) result = answer;
		}
	};
	const shape = (sh, spread) => {
		let answer = NONE;
		for (const key of Reflect.ownKeys(sh)) {
			const desc = Object.getOwnPropertyDescriptor(sh, key);
			if (spread && !desc.enumerable) continue;
			const child = desc.get ? ASSUMED : desc.value?._zod ? isRecursive(desc.value, stack, resolve) : NONE;
			if (child > answer) answer = child;
		}
		return answer;
	};
	const merge = (answer) => {
		if (answer > result) result = answer;
	};
	const def = inst._zod.def;
	switch (def.type) {
		case "object": {
			const raw = rawShape(def);
			merge(raw ? shape(raw, true) : ASSUMED);
			check(def.catchall);
			break;
		}
		case "array":
			check(def.element);
			break;
		case "tuple":
			for (const el of def.items) check(el);
			check(def.rest);
			break;
		case "record":
		case "map":
			check(def.keyType);
			check(def.valueType);
			break;
		case "set":
			check(def.valueType);
			break;
		case "union":
			for (const el of def.options) check(el);
			break;
		case "intersection":
			check(def.left);
			check(def.right);
			break;
		case "optional":
		case "nullable":
		case "default":
		case "prefault":
		case "catch":
		case "readonly":
		case "nonoptional":
		case "promise":
		case "success":
			check(def.innerType);
			break;
		case "pipe":
			check(def.in);
			check(def.out);
			break;
		case "function":
			check(def.input);
			check(def.output);
			break;
		case "lazy": {
			const inner = def._cachedInner ?? (resolve ? inst._zod.innerType : void 0);
			merge(inner ? isRecursive(inner, stack, false) : ASSUMED);
			break;
		}
		case "template_literal":
		case "string":
		case "number":
		case "int":
		case "boolean":
		case "bigint":
		case "symbol":
		case "undefined":
		case "null":
		case "void":
		case "never":
		case "any":
		case "unknown":
		case "date":
		case "nan":
		case "enum":
		case "literal":
		case "file":
		case "transform":
		case "custom": break;
		default: for (const key in def) {
			const desc = Object.getOwnPropertyDescriptor(def, key);
			if (!desc || desc.get) continue;
			const value = desc.value;
			if (!value || typeof value !== "object") continue;
			if (value._zod) check(value);
			else if (Array.isArray(value)) for (const el of value) check(el);
		}
	}
	stack.delete(inst);
	return settle(inst, result);
}
/** An assumed answer must not outlive the resolution that settles it, so only a certain one is cached. */
function settle(inst, answer) {
	if (answer !== ASSUMED) recursive.set(inst, answer === PROVEN);
	return answer;
}
function bucketFor(state, inst) {
	let bucket = state.buckets.get(inst);
	if (!bucket) {
		bucket = /* @__PURE__ */ new WeakMap();
		state.buckets.set(inst, bucket);
	}
	return bucket;
}
let handoff;
const open = [];
const memo = {
	alloc(_inst, payload, empty) {
		const bucket = handoff;
		if (!bucket) return empty;
		handoff = void 0;
		const entry = {
			value: empty,
			issues: null
		};
		bucket.set(payload.value, entry);
		open.push(entry);
		return empty;
	},
	guard(inst) {
		var _a;
		(_a = inst._zod).deferred ?? (_a.deferred = []);
		inst._zod.deferred.push(() => {
			const base = inst._zod.parse;
			const wrapped = (payload, ctx) => {
				if (ctx.direction !== "backward" && isBackEdge(ctx, payload.value)) throw new $ZodCyclicError();
				return base(payload, ctx);
			};
			inst._zod.parse = wrapped;
			if (inst._zod.run === base) inst._zod.run = wrapped;
		});
	},
	attach(inst) {
		var _a;
		let isRecursiveInst;
		let rechecked = false;
		let lastCtx;
		let lastBucket;
		(_a = inst._zod).deferred ?? (_a.deferred = []);
		inst._zod.deferred.push(() => {
			const base = inst._zod.parse;
			const wrapped = (payload, ctx) => {
				if (isRecursiveInst === void 0) {
					const walked = isRecursive(inst, /* @__PURE__ */ new Set(), false);
					if (walked === NONE) {
						inst._zod.parse = base;
						if (inst._zod.run === wrapped) inst._zod.run = base;
						return base(payload, ctx);
					}
					if (walked === PROVEN || rechecked) isRecursiveInst = true;
					else rechecked = true;
				}
				const input = payload.value;
				if (!isRef(input)) return base(payload, ctx);
				let state = ctx[STATE];
				if (!state) {
					state = {
						buckets: /* @__PURE__ */ new WeakMap(),
						backEdges: void 0
					};
					ctx[STATE] = state;
				}
				let bucket;
				if (lastCtx === ctx) bucket = lastBucket;
				else {
					bucket = bucketFor(state, inst);
					lastCtx = ctx;
					lastBucket = bucket;
				}
				const hit = bucket.get(input);
				if (hit) {
					payload.value = hit.value;
					if (hit.issues) {
						if (hit.issues.length) payload.issues.push(...cloneIssues(hit.issues));
					} else {
						payload.memo = true;
						state.backEdges ?? (state.backEdges = /* @__PURE__ */ new WeakSet());
						state.backEdges.add(hit.value);
					}
					return payload;
				}
				handoff = bucket;
				const depth = open.length;
				const result = base(payload, ctx);
				handoff = void 0;
				const entry = open.length > depth ? open.pop() : void 0;
				if (result instanceof Promise) return result.then((r) => {
					if (entry) entry.issues = r.issues.length ? cloneIssues(r.issues) : NO_ISSUES;
					return r;
				});
				if (entry) entry.issues = result.issues.length ? cloneIssues(result.issues) : NO_ISSUES;
				return result;
			};
			inst._zod.parse = wrapped;
			if (inst._zod.run === base) inst._zod.run = wrapped;
		});
	}
};
/** The memoizer that gives containers cycle support. `zod` installs it by default; `zod/mini` opts in with `config({ memoizer: memoizer() })`. */
function memoizer() {
	return memo;
}
/** Whether this value is a node a back-edge resolved to before it finished. */
function isBackEdge(ctx, value) {
	const backEdges = ctx[STATE]?.backEdges;
	return backEdges !== void 0 && isRef(value) && backEdges.has(value);
}
// node_modules/zod/v4/locales/en.js
const error = () => {
	const Sizable = {
		string: {
			unit: "characters",
			verb: "to have"
		},
		file: {
			unit: "bytes",
			verb: "to have"
		},
		array: {
			unit: "items",
			verb: "to have"
		},
		set: {
			unit: "items",
			verb: "to have"
		},
		map: {
			unit: "entries",
			verb: "to have"
		}
	};
	function getSizing(origin) {
		return Sizable[origin] ?? null;
	}
	const FormatDictionary = {
		regex: "input",
		email: "email address",
		url: "URL",
		emoji: "emoji",
		uuid: "UUID",
		uuidv4: "UUIDv4",
		uuidv6: "UUIDv6",
		nanoid: "nanoid",
		guid: "GUID",
		cuid: "cuid",
		cuid2: "cuid2",
		ulid: "ULID",
		xid: "XID",
		ksuid: "KSUID",
		datetime: "ISO datetime",
		date: "ISO date",
		time: "ISO time",
		duration: "ISO duration",
		ipv4: "IPv4 address",
		ipv6: "IPv6 address",
		mac: "MAC address",
		cidrv4: "IPv4 range",
		cidrv6: "IPv6 range",
		base64: "base64-encoded string",
		base64url: "base64url-encoded string",
		json_string: "JSON string",
		e164: "E.164 number",
		currency_code: "currency code",
		credit_card: "credit card number",
		iban: "IBAN",
		jwt: "JWT",
		template_literal: "input"
	};
	const TypeDictionary = { nan: "NaN" };
	function getTypeName(type, input) {
		if (type === "number" && typeof input === "number" && !Number.isFinite(input)) return String(input);
		return TypeDictionary[type] ?? type;
	}
	return (issue) => {
		switch (issue.code) {
			case "invalid_type": return `Invalid input: expected ${getTypeName(issue.expected)}, received ${getTypeName(parsedType(issue.input), issue.input)}`;
			case "invalid_value":
				if (issue.values.length === 1) return `Invalid input: expected ${stringifyPrimitive(issue.values[0])}`;
				return `Invalid option: expected one of ${joinValues(issue.values, "|")}`;
			case "too_big": {
				const adj = issue.exact ? "exactly " : issue.inclusive ? "<=" : "<";
				const sizing = getSizing(issue.origin);
				if (sizing) return `Too big: expected ${issue.origin ?? "value"} to have ${adj}${issue.maximum.toString()} ${sizing.unit ?? "elements"}`;
				return `Too big: expected ${issue.origin ?? "value"} to be ${adj}${issue.maximum.toString()}`;
			}
			case "too_small": {
				const adj = issue.exact ? "exactly " : issue.inclusive ? ">=" : ">";
				const sizing = getSizing(issue.origin);
				if (sizing) return `Too small: expected ${issue.origin} to have ${adj}${issue.minimum.toString()} ${sizing.unit}`;
				return `Too small: expected ${issue.origin} to be ${adj}${issue.minimum.toString()}`;
			}
			case "invalid_format": {
				const _issue = issue;
				if (_issue.format === "starts_with") return `Invalid string: must start with "${_issue.prefix}"`;
				if (_issue.format === "ends_with") return `Invalid string: must end with "${_issue.suffix}"`;
				if (_issue.format === "includes") return `Invalid string: must include "${_issue.includes}"`;
				if (_issue.format === "regex") return `Invalid string: must match pattern ${_issue.pattern}`;
				return `Invalid ${FormatDictionary[_issue.format] ?? issue.format}`;
			}
			case "not_multiple_of": return `Invalid number: must be a multiple of ${issue.divisor}`;
			case "unrecognized_keys": return `Unrecognized key${issue.keys.length > 1 ? "s" : ""}: ${joinValues(issue.keys, ", ")}`;
			case "invalid_key": return `Invalid key in ${issue.origin}`;
			case "invalid_union":
				if (issue.options && Array.isArray(issue.options) && issue.options.length > 0) return `Invalid discriminator value. Expected ${issue.options.map((o) => `'${o}'`).join(" | ")}`;
				if (issue.inclusive === false) return "Invalid input: more than one option matched";
				return "Invalid input";
			case "invalid_element": return `Invalid value in ${issue.origin}`;
			default: return `Invalid input`;
		}
	};
};
function en_default() {
	return { localeError: error() };
}
// node_modules/zod/v4/core/registries.js
var _a;
var $ZodRegistry = class {
	constructor() {
		this._map = /* @__PURE__ */ new WeakMap();
		this._idmap = /* @__PURE__ */ new Map();
	}
	add(schema, ..._meta) {
		const meta = _meta[0];
		this._map.set(schema, meta);
		if (meta && typeof meta === "object" && "id" in meta) this._idmap.set(meta.id, schema);
		return this;
	}
	clear() {
		this._map = /* @__PURE__ */ new WeakMap();
		this._idmap = /* @__PURE__ */ new Map();
		return this;
	}
	remove(schema) {
		const meta = this._map.get(schema);
		if (meta && typeof meta === "object" && "id" in meta) this._idmap.delete(meta.id);
		this._map.delete(schema);
		return this;
	}
	get(schema) {
		const p = schema._zod.parent;
		if (p) {
			const pm = { ...this.get(p) ?? {} };
			delete pm.id;
			const f = {
				...pm,
				...this._map.get(schema)
			};
			return Object.keys(f).length ? f : void 0;
		}
		return this._map.get(schema);
	}
	has(schema) {
		return this._map.has(schema);
	}
};
function registry() {
	return new $ZodRegistry();
}
(_a = globalThis).__zod_globalRegistry ?? (_a.__zod_globalRegistry = registry());
const globalRegistry = globalThis.__zod_globalRegistry;
// node_modules/zod/v4/core/api.js
function snapshotChecks(def) {
	if (def.checks) def.checks = [...def.checks];
	return def;
}
// @__NO_SIDE_EFFECTS__
function _string(Class, params) {
	return new Class(snapshotChecks({
		type: "string",
		...normalizeParams(params)
	}));
}
// @__NO_SIDE_EFFECTS__
function _email(Class, params) {
	return new Class({
		type: "string",
		format: "email",
		check: "string_format",
		abort: false,
		...normalizeParams(params)
	});
}
// @__NO_SIDE_EFFECTS__
function _guid(Class, params) {
	return new Class({
		type: "string",
		format: "guid",
		check: "string_format",
		abort: false,
		...normalizeParams(params)
	});
}
// @__NO_SIDE_EFFECTS__
function _uuid(Class, params) {
	return new Class({
		type: "string",
		format: "uuid",
		check: "string_format",
		abort: false,
		...normalizeParams(params)
	});
}
// @__NO_SIDE_EFFECTS__
function _uuidv4(Class, params) {
	return new Class({
		type: "string",
		format: "uuid",
		check: "string_format",
		abort: false,
		version: "v4",
		...normalizeParams(params)
	});
}
// @__NO_SIDE_EFFECTS__
function _uuidv6(Class, params) {
	return new Class({
		type: "string",
		format: "uuid",
		check: "string_format",
		abort: false,
		version: "v6",
		...normalizeParams(params)
	});
}
// @__NO_SIDE_EFFECTS__
function _uuidv7(Class, params) {
	return new Class({
		type: "string",
		format: "uuid",
		check: "string_format",
		abort: false,
		version: "v7",
		...normalizeParams(params)
	});
}
// @__NO_SIDE_EFFECTS__
function _url(Class, params) {
	return new Class({
		type: "string",
		format: "url",
		check: "string_format",
		abort: false,
		...normalizeParams(params)
	});
}
// @__NO_SIDE_EFFECTS__
function _emoji(Class, params) {
	return new Class({
		type: "string",
		format: "emoji",
		check: "string_format",
		abort: false,
		...normalizeParams(params)
	});
}
// @__NO_SIDE_EFFECTS__
function _nanoid(Class, params) {
	return new Class({
		type: "string",
		format: "nanoid",
		check: "string_format",
		abort: false,
		...normalizeParams(params)
	});
}
/**
* @deprecated CUID v1 is deprecated by its authors due to information leakage
* (timestamps embedded in the id). Use {@link _cuid2} instead.
* See https://github.com/paralleldrive/cuid.
*/
// @__NO_SIDE_EFFECTS__
function _cuid(Class, params) {
	return new Class({
		type: "string",
		format: "cuid",
		check: "string_format",
		abort: false,
		...normalizeParams(params)
	});
}
// @__NO_SIDE_EFFECTS__
function _cuid2(Class, params) {
	return new Class({
		type: "string",
		format: "cuid2",
		check: "string_format",
		abort: false,
		...normalizeParams(params)
	});
}
// @__NO_SIDE_EFFECTS__
function _ulid(Class, params) {
	return new Class({
		type: "string",
		format: "ulid",
		check: "string_format",
		abort: false,
		...normalizeParams(params)
	});
}
// @__NO_SIDE_EFFECTS__
function _xid(Class, params) {
	return new Class({
		type: "string",
		format: "xid",
		check: "string_format",
		abort: false,
		...normalizeParams(params)
	});
}
// @__NO_SIDE_EFFECTS__
function _ksuid(Class, params) {
	return new Class({
		type: "string",
		format: "ksuid",
		check: "string_format",
		abort: false,
		...normalizeParams(params)
	});
}
// @__NO_SIDE_EFFECTS__
function _ipv4(Class, params) {
	return new Class({
		type: "string",
		format: "ipv4",
		check: "string_format",
		abort: false,
		...normalizeParams(params)
	});
}
// @__NO_SIDE_EFFECTS__
function _ipv6(Class, params) {
	return new Class({
		type: "string",
		format: "ipv6",
		check: "string_format",
		abort: false,
		...normalizeParams(params)
	});
}
// @__NO_SIDE_EFFECTS__
function _cidrv4(Class, params) {
	return new Class({
		type: "string",
		format: "cidrv4",
		check: "string_format",
		abort: false,
		...normalizeParams(params)
	});
}
// @__NO_SIDE_EFFECTS__
function _cidrv6(Class, params) {
	return new Class({
		type: "string",
		format: "cidrv6",
		check: "string_format",
		abort: false,
		...normalizeParams(params)
	});
}
// @__NO_SIDE_EFFECTS__
function _base64(Class, params) {
	return new Class({
		type: "string",
		format: "base64",
		check: "string_format",
		abort: false,
		...normalizeParams(params)
	});
}
// @__NO_SIDE_EFFECTS__
function _base64url(Class, params) {
	return new Class({
		type: "string",
		format: "base64url",
		check: "string_format",
		abort: false,
		...normalizeParams(params)
	});
}
// @__NO_SIDE_EFFECTS__
function _e164(Class, params) {
	return new Class({
		type: "string",
		format: "e164",
		check: "string_format",
		abort: false,
		...normalizeParams(params)
	});
}
// @__NO_SIDE_EFFECTS__
function _jwt(Class, params) {
	return new Class({
		type: "string",
		format: "jwt",
		check: "string_format",
		abort: false,
		...normalizeParams(params)
	});
}
// @__NO_SIDE_EFFECTS__
function _isoDateTime(Class, params) {
	return new Class({
		type: "string",
		format: "datetime",
		check: "string_format",
		offset: false,
		local: false,
		precision: null,
		...normalizeParams(params)
	});
}
// @__NO_SIDE_EFFECTS__
function _isoDate(Class, params) {
	return new Class({
		type: "string",
		format: "date",
		check: "string_format",
		...normalizeParams(params)
	});
}
// @__NO_SIDE_EFFECTS__
function _isoTime(Class, params) {
	return new Class({
		type: "string",
		format: "time",
		check: "string_format",
		precision: null,
		...normalizeParams(params)
	});
}
// @__NO_SIDE_EFFECTS__
function _isoDuration(Class, params) {
	return new Class({
		type: "string",
		format: "duration",
		check: "string_format",
		...normalizeParams(params)
	});
}
// @__NO_SIDE_EFFECTS__
function _number(Class, params) {
	return new Class(snapshotChecks({
		type: "number",
		checks: [],
		...normalizeParams(params)
	}));
}
// @__NO_SIDE_EFFECTS__
function _int(Class, params) {
	return new Class({
		type: "number",
		check: "number_format",
		abort: false,
		format: "safeint",
		...normalizeParams(params)
	});
}
// @__NO_SIDE_EFFECTS__
function _boolean(Class, params) {
	return new Class({
		type: "boolean",
		...normalizeParams(params)
	});
}
// @__NO_SIDE_EFFECTS__
function _unknown(Class) {
	return new Class({ type: "unknown" });
}
// @__NO_SIDE_EFFECTS__
function _never(Class, params) {
	return new Class({
		type: "never",
		...normalizeParams(params)
	});
}
// @__NO_SIDE_EFFECTS__
function _lt(value, params) {
	return new $ZodCheckLessThan({
		check: "less_than",
		...normalizeParams(params),
		value,
		inclusive: false
	});
}
// @__NO_SIDE_EFFECTS__
function _lte(value, params) {
	return new $ZodCheckLessThan({
		check: "less_than",
		...normalizeParams(params),
		value,
		inclusive: true
	});
}
// @__NO_SIDE_EFFECTS__
function _gt(value, params) {
	return new $ZodCheckGreaterThan({
		check: "greater_than",
		...normalizeParams(params),
		value,
		inclusive: false
	});
}
// @__NO_SIDE_EFFECTS__
function _gte(value, params) {
	return new $ZodCheckGreaterThan({
		check: "greater_than",
		...normalizeParams(params),
		value,
		inclusive: true
	});
}
// @__NO_SIDE_EFFECTS__
function _multipleOf(value, params) {
	return new $ZodCheckMultipleOf({
		check: "multiple_of",
		...normalizeParams(params),
		value
	});
}
// @__NO_SIDE_EFFECTS__
function _maxLength(maximum, params) {
	return new $ZodCheckMaxLength({
		check: "max_length",
		...normalizeParams(params),
		maximum
	});
}
// @__NO_SIDE_EFFECTS__
function _minLength(minimum, params) {
	return new $ZodCheckMinLength({
		check: "min_length",
		...normalizeParams(params),
		minimum
	});
}
// @__NO_SIDE_EFFECTS__
function _length(length, params) {
	return new $ZodCheckLengthEquals({
		check: "length_equals",
		...normalizeParams(params),
		length
	});
}
// @__NO_SIDE_EFFECTS__
function _regex(pattern, params) {
	return new $ZodCheckRegex({
		check: "string_format",
		format: "regex",
		...normalizeParams(params),
		pattern
	});
}
// @__NO_SIDE_EFFECTS__
function _lowercase(params) {
	return new $ZodCheckLowerCase({
		check: "string_format",
		format: "lowercase",
		...normalizeParams(params)
	});
}
// @__NO_SIDE_EFFECTS__
function _uppercase(params) {
	return new $ZodCheckUpperCase({
		check: "string_format",
		format: "uppercase",
		...normalizeParams(params)
	});
}
// @__NO_SIDE_EFFECTS__
function _includes(includes, params) {
	return new $ZodCheckIncludes({
		check: "string_format",
		format: "includes",
		...normalizeParams(params),
		includes
	});
}
// @__NO_SIDE_EFFECTS__
function _startsWith(prefix, params) {
	return new $ZodCheckStartsWith({
		check: "string_format",
		format: "starts_with",
		...normalizeParams(params),
		prefix
	});
}
// @__NO_SIDE_EFFECTS__
function _endsWith(suffix, params) {
	return new $ZodCheckEndsWith({
		check: "string_format",
		format: "ends_with",
		...normalizeParams(params),
		suffix
	});
}
// @__NO_SIDE_EFFECTS__
function _overwrite(tx) {
	return new $ZodCheckOverwrite({
		check: "overwrite",
		tx
	});
}
// @__NO_SIDE_EFFECTS__
function _normalize(form) {
	return /* @__PURE__ */ _overwrite((input) => input.normalize(form));
}
// @__NO_SIDE_EFFECTS__
function _trim() {
	return /* @__PURE__ */ _overwrite((input) => input.trim());
}
// @__NO_SIDE_EFFECTS__
function _toLowerCase() {
	return /* @__PURE__ */ _overwrite((input) => input.toLowerCase());
}
// @__NO_SIDE_EFFECTS__
function _toUpperCase() {
	return /* @__PURE__ */ _overwrite((input) => input.toUpperCase());
}
// @__NO_SIDE_EFFECTS__
function _slugify() {
	return /* @__PURE__ */ _overwrite((input) => slugify(input));
}
// @__NO_SIDE_EFFECTS__
function _array(Class, element, params) {
	return new Class({
		type: "array",
		element,
		...normalizeParams(params)
	});
}
// @__NO_SIDE_EFFECTS__
function _refine(Class, fn, _params) {
	return new Class({
		type: "custom",
		check: "custom",
		fn,
		...normalizeParams(_params)
	});
}
// @__NO_SIDE_EFFECTS__
function _superRefine(fn, params) {
	const ch = /* @__PURE__ */ _check((payload) => {
		payload.addIssue = (issue$2) => {
			if (typeof issue$2 === "string") payload.issues.push(issue(issue$2, payload.value, ch._zod.def));
			else {
				const _issue = issue$2;
				if (_issue.fatal) _issue.continue = false;
				_issue.code ?? (_issue.code = "custom");
				if (!("input" in _issue)) _issue.input = payload.value;
				_issue.inst ?? (_issue.inst = ch);
				_issue.continue ?? (_issue.continue = !ch._zod.def.abort);
				payload.issues.push(issue(_issue));
			}
		};
		return fn(payload.value, payload);
	}, params);
	return ch;
}
// @__NO_SIDE_EFFECTS__
function _check(fn, params) {
	const ch = new $ZodCheck({
		check: "custom",
		...normalizeParams(params)
	});
	ch._zod.check = fn;
	return ch;
}
// node_modules/zod/v4/core/to-json-schema.js
function assignProps(target, ...sources) {
	for (const source of sources) for (const key of Reflect.ownKeys(source)) if (Object.prototype.propertyIsEnumerable.call(source, key)) assignProp(target, key, source[key]);
	return target;
}
function initializeContext(params) {
	let target = params?.target ?? "draft-2020-12";
	if (target === "draft-4") target = "draft-04";
	if (target === "draft-7") target = "draft-07";
	return {
		processors: params.processors ?? {},
		metadataRegistry: params?.metadata ?? globalRegistry,
		target,
		unrepresentable: params?.unrepresentable ?? "throw",
		override: params?.override ?? (() => {}),
		io: params?.io ?? "output",
		counter: 0,
		seen: /* @__PURE__ */ new Map(),
		sharedDefsExtractedFor: void 0,
		sharedEmitDoneFor: void 0,
		cycles: params?.cycles ?? "ref",
		reused: params?.reused ?? "inline",
		intersections: [],
		deferred: [],
		external: params?.external ?? void 0
	};
}
/**
* Applies the `unrepresentable` setting at a site that has no JSON Schema equivalent. Throws
* `message` unless the setting (or the handler's return value) says otherwise. Returns `true` if a
* custom JSON Schema was written into `json`, in which case the caller must not write its own.
*/
function handleUnrepresentable(schema, ctx, json, params, message) {
	const result = typeof ctx.unrepresentable === "function" ? ctx.unrepresentable({
		zodSchema: schema,
		path: params.path,
		message
	}) : ctx.unrepresentable;
	if (result === "any") return false;
	if (result === void 0 || result === "throw") throw new Error(message);
	Object.assign(json, result);
	return true;
}
function processSchema(schema, ctx, _params = {
	path: [],
	schemaPath: []
}) {
	var _a;
	const def = schema._zod.def;
	const seen = ctx.seen.get(schema);
	if (seen) {
		seen.count++;
		if (_params.schemaPath.includes(schema)) seen.cycle = _params.path;
		return seen.schema;
	}
	const result = {
		schema: {},
		count: 1,
		cycle: void 0,
		path: _params.path
	};
	ctx.seen.set(schema, result);
	ctx.sharedDefsExtractedFor = void 0;
	ctx.sharedEmitDoneFor = void 0;
	const overrideSchema = schema._zod.toJSONSchema?.();
	if (overrideSchema) result.schema = overrideSchema;
	else {
		const params = {
			..._params,
			schemaPath: [..._params.schemaPath, schema],
			path: _params.path
		};
		if (schema._zod.processJSONSchema) schema._zod.processJSONSchema(ctx, result.schema, params);
		else {
			const _json = result.schema;
			const processor = ctx.processors[def.type];
			if (!processor) throw new Error(`[toJSONSchema]: Non-representable type encountered: ${def.type}`);
			processor(schema, ctx, _json, params);
		}
		const parent = schema._zod.parent;
		if (parent) {
			if (!result.ref) result.ref = parent;
			processSchema(parent, ctx, params);
			ctx.seen.get(parent).isParent = true;
		}
	}
	const meta = ctx.metadataRegistry.get(schema);
	if (meta) assignProps(result.schema, meta);
	if (ctx.io === "input" && isTransforming(schema)) {
		delete result.schema.examples;
		delete result.schema.default;
	}
	if (ctx.io === "input" && "_prefault" in result.schema) (_a = result.schema).default ?? (_a.default = result.schema._prefault);
	delete result.schema._prefault;
	return ctx.seen.get(schema).schema;
}
function encodeJSONPointerSegment(segment) {
	return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}
function extractDefs(ctx, schema) {
	const root = ctx.seen.get(schema);
	if (!root) throw new Error("Unprocessed schema. This is a bug in Zod.");
	if (ctx.external && ctx.sharedDefsExtractedFor === ctx.external) return;
	const idToSchema = /* @__PURE__ */ new Map();
	for (const entry of ctx.seen.entries()) {
		const id = ctx.metadataRegistry.get(entry[0])?.id;
		if (id) {
			const existing = idToSchema.get(id);
			if (existing && existing !== entry[0]) throw new Error(`Duplicate schema id "${id}" detected during JSON Schema conversion. Two different schemas cannot share the same id when converted together.`);
			idToSchema.set(id, entry[0]);
		}
	}
	const makeURI = (entry) => {
		const defsSegment = ctx.target === "draft-2020-12" ? "$defs" : "definitions";
		if (ctx.external) {
			const externalId = ctx.external.registry.get(entry[0])?.id;
			const uriGenerator = ctx.external.uri ?? ((id) => id);
			if (externalId) return { ref: uriGenerator(externalId) };
			const id = entry[1].defId ?? entry[1].schema.id ?? `schema${ctx.counter++}`;
			entry[1].defId = id;
			return {
				defId: id,
				ref: `${uriGenerator("__shared")}#/${defsSegment}/${encodeJSONPointerSegment(id)}`
			};
		}
		const uriPrefix = `#`;
		const defUriPrefix = `${uriPrefix}/${defsSegment}/`;
		if (entry[1] === root && !entry[1].schema.id) return { ref: uriPrefix };
		const defId = entry[1].schema.id ?? `__schema${ctx.counter++}`;
		return {
			defId,
			ref: defUriPrefix + encodeJSONPointerSegment(defId)
		};
	};
	const extractToDef = (entry) => {
		if (entry[1].schema.$ref) return;
		const seen = entry[1];
		const { ref, defId } = makeURI(entry);
		seen.def = { ...seen.schema };
		if (defId) seen.defId = defId;
		const schema = seen.schema;
		for (const key in schema) delete schema[key];
		schema.$ref = ref;
	};
	if (ctx.cycles === "throw") for (const entry of ctx.seen.entries()) {
		const seen = entry[1];
		if (seen.cycle) throw new Error(`Cycle detected: #/${seen.cycle?.join("/")}/<root>

Set the \`cycles\` parameter to \`"ref"\` to resolve cyclical schemas with defs.`);
	}
	for (const entry of ctx.seen.entries()) {
		const seen = entry[1];
		if (schema === entry[0]) {
			extractToDef(entry);
			continue;
		}
		if (ctx.external) {
			const ext = ctx.external.registry.get(entry[0])?.id;
			if (schema !== entry[0] && ext) {
				extractToDef(entry);
				continue;
			}
		}
		if (ctx.metadataRegistry.get(entry[0])?.id) {
			extractToDef(entry);
			continue;
		}
		if (seen.cycle) {
			extractToDef(entry);
			continue;
		}
		if (seen.count > 1) {
			if (ctx.reused === "ref") extractToDef(entry);
		}
	}
	if (ctx.external) ctx.sharedDefsExtractedFor = ctx.external;
}
/** Rewrites `anyOf: [{type: "a"}, {type: "b"}]` to `type: ["a", "b"]`, which every JSON Schema draft treats as equivalent and most consumers render far better for the nullable case. Only branches that are a bare type assertion qualify — anything carrying a constraint, `$ref`, `const` or metadata is left alone. Runs after `flattenRef`, so a branch an override decorated or `$defs` extraction turned into a `$ref` is no longer bare and correctly stays in `anyOf`. `oneOf` is excluded: `integer` and `number` overlap, so "exactly one" and "at least one" are not the same there. OpenAPI 3.0 is excluded: its `type` must be a single string. */
function compactTypeUnion(schema) {
	const options = schema.anyOf;
	if (!Array.isArray(options) || options.length === 0 || schema.type !== void 0) return;
	const types = [];
	for (const option of options) {
		if (!option || typeof option !== "object") return;
		compactTypeUnion(option);
		const keys = Object.keys(option);
		if (keys.length !== 1 || keys[0] !== "type") return;
		const type = option.type;
		for (const member of Array.isArray(type) ? type : [type]) {
			if (typeof member !== "string") return;
			if (!types.includes(member)) types.push(member);
		}
	}
	delete schema.anyOf;
	schema.type = types.length === 1 ? types[0] : types;
}
/** Keywords `foldIntersection` knows how to combine. Anything else — `$ref`, `patternProperties`,
* an annotation like `description` — makes a member unfoldable, so a constraint this does not
* understand leaves the `allOf` alone instead of being silently dropped or misattributed. */
const FOLDABLE_KEYS = /* @__PURE__ */ new Set([
	"type",
	"properties",
	"required",
	"additionalProperties"
]);
const UNION_KEYS = ["oneOf", "anyOf"];
/** A member's constraint on a key it does not declare itself. A `catchall` states one; `false`, an absent `additionalProperties`, and the empty schema a loose object emits state nothing. */
function undeclaredConstraint(member) {
	const extra = member.additionalProperties;
	if (extra === void 0 || extra === false || typeof extra !== "object" || extra === null) return null;
	return Object.keys(extra).length ? extra : null;
}
/** Combines object members into the single object they describe together, or returns `null` if any of them carries a keyword outside {@link FOLDABLE_KEYS}. */
function foldObjects(members) {
	const objects = [];
	for (const member of members) {
		if (typeof member !== "object" || member.type !== "object") return null;
		for (const key in member) if (!FOLDABLE_KEYS.has(key)) return null;
		objects.push(member);
	}
	const properties = {};
	const required = /* @__PURE__ */ new Set();
	for (const object of objects) {
		for (const key in object.properties) {
			if (Object.prototype.hasOwnProperty.call(properties, key)) continue;
			const parts = [];
			for (const other of objects) {
				const part = other.properties?.[key] ?? undeclaredConstraint(other);
				if (part === null || part === void 0) continue;
				if (!parts.some((seen) => JSON.stringify(seen) === JSON.stringify(part))) parts.push(part);
			}
			assignProp(properties, key, parts.length === 1 ? parts[0] : foldObjects(parts) ?? { allOf: parts });
		}
		for (const key of object.required ?? []) required.add(key);
	}
	const folded = {
		type: "object",
		properties
	};
	if (required.size) folded.required = [...required];
	if (objects.every((object) => object.additionalProperties === false)) folded.additionalProperties = false;
	else {
		const constraints = [];
		for (const object of objects) {
			const constraint = undeclaredConstraint(object);
			if (constraint && !constraints.some((seen) => JSON.stringify(seen) === JSON.stringify(constraint))) constraints.push(constraint);
		}
		if (constraints.length === 1) folded.additionalProperties = constraints[0];
		else if (constraints.length > 1) folded.additionalProperties = { allOf: constraints };
	}
	return folded;
}
/** `additionalProperties` in an `allOf` member sees only that member's own `properties`, so two
* closed object members reject each other's keys and the schema validates nothing. Zod's parser
* pools the key sets instead — `handleIntersectionResults` reports a key as unrecognized only when
* *every* side rejects it — so the emitted schema has to pool them too, and folding the members
* into one object is the encoding that says so on every target.
*
* This runs from `finalize`, after `extractDefs`, which is what keeps it clear of the `$ref`
* machinery: a member extracted into `$defs` is already a `$ref` by now and declines to fold, so it
* keeps its reference and its own closedness rather than being inlined as a stale copy. */
function foldIntersection(json) {
	const allOf = json.allOf;
	if (!Array.isArray(allOf) || allOf.length < 2) return;
	for (const key of FOLDABLE_KEYS) if (key in json) return;
	const unions = allOf.filter((m) => UNION_KEYS.some((k) => Array.isArray(m[k])));
	let folded = null;
	if (!unions.length) folded = foldObjects(allOf);
	else {
		const union = unions[0];
		const keyword = UNION_KEYS.find((k) => Array.isArray(union[k]));
		if (Object.keys(union).length !== 1) return;
		const rest = allOf.filter((m) => m !== union);
		const branches = union[keyword].map((branch) => foldObjects([...rest, branch]));
		if (branches.some((b) => !b)) return;
		folded = { [keyword]: branches };
	}
	if (!folded) return;
	delete json.allOf;
	assignProps(json, folded);
}
function finalize(ctx, schema) {
	const root = ctx.seen.get(schema);
	if (!root) throw new Error("Unprocessed schema. This is a bug in Zod.");
	const flattenRef = (zodSchema) => {
		const seen = ctx.seen.get(zodSchema);
		if (seen.ref === null) return;
		const schema = seen.def ?? seen.schema;
		const _cached = { ...schema };
		const ref = seen.ref;
		seen.ref = null;
		if (ref) {
			flattenRef(ref);
			const refSeen = ctx.seen.get(ref);
			const refSchema = refSeen.schema;
			if (refSchema.$ref && (ctx.target === "draft-07" || ctx.target === "draft-04" || ctx.target === "openapi-3.0")) {
				schema.allOf = schema.allOf ?? [];
				schema.allOf.push(refSchema);
			} else assignProps(schema, refSchema);
			assignProps(schema, _cached);
			if (zodSchema._zod.parent === ref) for (const key in schema) {
				if (key === "$ref" || key === "allOf") continue;
				if (!(key in _cached)) delete schema[key];
			}
			if (refSchema.$ref && refSeen.def) for (const key in schema) {
				if (key === "$ref" || key === "allOf") continue;
				if (key in refSeen.def && JSON.stringify(schema[key]) === JSON.stringify(refSeen.def[key])) delete schema[key];
			}
		}
		const parent = zodSchema._zod.parent;
		if (parent && parent !== ref) {
			flattenRef(parent);
			const parentSeen = ctx.seen.get(parent);
			if (parentSeen?.schema.$ref) {
				schema.$ref = parentSeen.schema.$ref;
				if (parentSeen.def) for (const key in schema) {
					if (key === "$ref" || key === "allOf") continue;
					if (key in parentSeen.def && JSON.stringify(schema[key]) === JSON.stringify(parentSeen.def[key])) delete schema[key];
				}
			}
		}
		ctx.override({
			zodSchema,
			jsonSchema: schema,
			path: seen.path ?? []
		});
	};
	if (!ctx.external || ctx.sharedEmitDoneFor !== ctx.external) {
		for (const entry of [...ctx.seen.entries()].reverse()) flattenRef(entry[0]);
		if (ctx.target !== "openapi-3.0") for (const entry of ctx.seen.entries()) compactTypeUnion(entry[1].def ?? entry[1].schema);
		for (const rewrite of ctx.deferred) rewrite();
		if (ctx.intersections.length) {
			const carriers = /* @__PURE__ */ new Map();
			for (const seen of ctx.seen.values()) for (const json of [seen.schema, seen.def]) {
				const allOf = json?.allOf;
				if (!Array.isArray(allOf)) continue;
				const existing = carriers.get(allOf);
				if (existing) existing.push(json);
				else carriers.set(allOf, [json]);
			}
			for (const allOf of ctx.intersections) for (const json of carriers.get(allOf) ?? []) foldIntersection(json);
		}
	}
	const result = {};
	if (ctx.target === "draft-2020-12") result.$schema = "https://json-schema.org/draft/2020-12/schema";
	else if (ctx.target === "draft-07") result.$schema = "http://json-schema.org/draft-07/schema#";
	else if (ctx.target === "draft-04") result.$schema = "http://json-schema.org/draft-04/schema#";
	else if (ctx.target === "openapi-3.0") {}
	if (ctx.external?.uri) {
		const id = ctx.external.registry.get(schema)?.id;
		if (!id) throw new Error("Schema is missing an `id` property");
		result.$id = ctx.external.uri(id);
	}
	assignProps(result, root.defId ? root.schema : root.def ?? root.schema);
	const rootMetaId = ctx.metadataRegistry.get(schema)?.id;
	if (rootMetaId !== void 0 && result.id === rootMetaId) delete result.id;
	const defs = ctx.external?.defs ?? {};
	if (!ctx.external || ctx.sharedEmitDoneFor !== ctx.external) for (const entry of ctx.seen.entries()) {
		const seen = entry[1];
		if (seen.def && seen.defId) {
			if (seen.def.id === seen.defId) delete seen.def.id;
			assignProp(defs, seen.defId, seen.def);
		}
	}
	if (ctx.external) ctx.sharedEmitDoneFor = ctx.external;
	if (ctx.external) {} else if (Object.keys(defs).length > 0) {
		if (ctx.target === "draft-2020-12") result.$defs = defs;
		else result.definitions = defs;
	}
	try {
		const finalized = JSON.parse(JSON.stringify(result));
		Object.defineProperty(finalized, "~standard", {
			value: {
				...schema["~standard"],
				jsonSchema: {
					input: createStandardJSONSchemaMethod(schema, "input", ctx.processors),
					output: createStandardJSONSchemaMethod(schema, "output", ctx.processors)
				}
			},
			enumerable: false,
			writable: false
		});
		return finalized;
	} catch (_err) {
		throw new Error("Error converting schema to JSON.");
	}
}
function isTransforming(_schema, _ctx) {
	const ctx = _ctx ?? { seen: /* @__PURE__ */ new Set() };
	if (ctx.seen.has(_schema)) return false;
	ctx.seen.add(_schema);
	const def = _schema._zod.def;
	if (def.type === "transform") return true;
	if (def.type === "array") return isTransforming(def.element, ctx);
	if (def.type === "set") return isTransforming(def.valueType, ctx);
	if (def.type === "lazy") return isTransforming(def.getter(), ctx);
	if (def.type === "promise" || def.type === "optional" || def.type === "nonoptional" || def.type === "nullable" || def.type === "readonly" || def.type === "default" || def.type === "prefault" || def.type === "catch") return isTransforming(def.innerType, ctx);
	if (def.type === "intersection") return isTransforming(def.left, ctx) || isTransforming(def.right, ctx);
	if (def.type === "record" || def.type === "map") return isTransforming(def.keyType, ctx) || isTransforming(def.valueType, ctx);
	if (def.type === "pipe") {
		if (_schema._zod.traits.has("$ZodCodec")) return true;
		return isTransforming(def.in, ctx) || isTransforming(def.out, ctx);
	}
	if (def.type === "object") {
		for (const key in def.shape) if (isTransforming(def.shape[key], ctx)) return true;
		return false;
	}
	if (def.type === "union") {
		for (const option of def.options) if (isTransforming(option, ctx)) return true;
		return false;
	}
	if (def.type === "tuple") {
		for (const item of def.items) if (isTransforming(item, ctx)) return true;
		if (def.rest && isTransforming(def.rest, ctx)) return true;
		return false;
	}
	return false;
}
/**
* Creates a toJSONSchema method for a schema instance.
* This encapsulates the logic of initializing context, processing, extracting defs, and finalizing.
*/
const createToJSONSchemaMethod = (schema, processors = {}) => (params) => {
	const ctx = initializeContext({
		...params,
		processors
	});
	processSchema(schema, ctx);
	extractDefs(ctx, schema);
	return finalize(ctx, schema);
};
const createStandardJSONSchemaMethod = (schema, io, processors = {}) => (params) => {
	const { libraryOptions, target } = params ?? {};
	const ctx = initializeContext({
		...libraryOptions ?? {},
		target,
		io,
		processors
	});
	processSchema(schema, ctx);
	extractDefs(ctx, schema);
	return finalize(ctx, schema);
};
// node_modules/zod/v4/core/json-schema-processors.js
const narrowMin = (agg, key, value) => {
	if (agg[key] === void 0 || value > agg[key]) agg[key] = value;
};
const narrowMax = (agg, key, value) => {
	if (agg[key] === void 0 || value < agg[key]) agg[key] = value;
};
const narrowBoth = (agg, value) => {
	narrowMin(agg, "minimum", value);
	narrowMax(agg, "maximum", value);
};
const addDivisor = (agg, value) => {
	agg.multipleOf ?? (agg.multipleOf = []);
	if (!agg.multipleOf.includes(value)) agg.multipleOf.push(value);
};
const addPattern = (agg, pattern) => {
	agg.patterns ?? (agg.patterns = /* @__PURE__ */ new Set());
	agg.patterns.add(pattern);
};
const intersectMime = (agg, mime) => {
	agg.mime = agg.mime ? agg.mime.filter((m) => mime.includes(m)) : [...mime];
};
const setFormat = (agg, format) => {
	agg.format = format;
	if (format.includes("int")) agg.isInt = true;
};
const minContributor = (agg, def) => narrowMin(agg, "minimum", def.minimum);
const maxContributor = (agg, def) => narrowMax(agg, "maximum", def.maximum);
const formatContributor = (ranges) => (agg, def) => {
	setFormat(agg, def.format);
	const [minimum, maximum] = ranges[def.format];
	narrowMin(agg, "minimum", minimum);
	narrowMax(agg, "maximum", maximum);
};
const contributors = {
	greater_than: (agg, def) => narrowMin(agg, def.inclusive ? "minimum" : "exclusiveMinimum", def.value),
	less_than: (agg, def) => narrowMax(agg, def.inclusive ? "maximum" : "exclusiveMaximum", def.value),
	multiple_of: (agg, def) => addDivisor(agg, def.value),
	number_format: formatContributor(NUMBER_FORMAT_RANGES),
	bigint_format: formatContributor(BIGINT_FORMAT_RANGES),
	min_length: minContributor,
	max_length: maxContributor,
	length_equals: (agg, def) => narrowBoth(agg, def.length),
	min_size: minContributor,
	max_size: maxContributor,
	size_equals: (agg, def) => narrowBoth(agg, def.size),
	string_format: (agg, def) => {
		setFormat(agg, def.format);
		if (def.pattern) addPattern(agg, def.pattern);
		if (def.format === "base64" || def.format === "base64url") agg.contentEncoding = def.format;
		if (def.local || def.precision === -1) agg.laxFormat = true;
	},
	mime_type: (agg, def) => intersectMime(agg, def.mime)
};
function aggregateChecks(schema) {
	const agg = {};
	const def = schema._zod.def;
	const list = schema._zod.traits.has("$ZodCheck") ? [schema, ...def.checks ?? []] : def.checks ?? [];
	for (const ch of list) contributors[ch._zod.def.check]?.(agg, ch._zod.def);
	const bag = schema._zod.bag;
	if (bag.minimum !== void 0) narrowMin(agg, "minimum", bag.minimum);
	if (bag.exclusiveMinimum !== void 0) narrowMin(agg, "exclusiveMinimum", bag.exclusiveMinimum);
	if (bag.maximum !== void 0) narrowMax(agg, "maximum", bag.maximum);
	if (bag.exclusiveMaximum !== void 0) narrowMax(agg, "exclusiveMaximum", bag.exclusiveMaximum);
	if (bag.multipleOf !== void 0) addDivisor(agg, bag.multipleOf);
	if (bag.format !== void 0) {
		agg.format ?? (agg.format = bag.format);
		if (bag.format.includes("int")) agg.isInt = true;
	}
	if (bag.mime) intersectMime(agg, bag.mime);
	for (const pattern of bag.patterns ?? []) addPattern(agg, pattern);
	return agg;
}
const formatMap = {
	guid: "uuid",
	url: "uri",
	datetime: "date-time",
	json_string: "json-string",
	regex: ""
};
const exactPatterns = /* @__PURE__ */ new Map([[base64Charset, base64], [base64urlCharset, base64url]]);
const exactPattern = (p) => exactPatterns.get(p) ?? p;
const stringProcessor = (schema, ctx, _json, _params) => {
	const json = _json;
	json.type = "string";
	const { minimum, maximum, format, patterns, contentEncoding, laxFormat } = aggregateChecks(schema);
	if (typeof minimum === "number") json.minLength = minimum;
	if (typeof maximum === "number") json.maxLength = maximum;
	if (format) {
		json.format = formatMap[format] ?? format;
		if (json.format === "") delete json.format;
		if (format === "time" || laxFormat) delete json.format;
	}
	if (contentEncoding) json.contentEncoding = contentEncoding;
	if (patterns && patterns.size > 0) {
		const patternList = [...patterns].map(exactPattern);
		if (patternList.length === 1) json.pattern = patternList[0].source;
		else if (patternList.length > 1) json.allOf = [...patternList.map((regex) => ({
			...ctx.target === "draft-07" || ctx.target === "draft-04" || ctx.target === "openapi-3.0" ? { type: "string" } : {},
			pattern: regex.source
		}))];
	}
};
const numberProcessor = (schema, ctx, _json, params) => {
	const json = _json;
	const { minimum, maximum, multipleOf, exclusiveMaximum, exclusiveMinimum, isInt } = aggregateChecks(schema);
	json.type = isInt ? "integer" : "number";
	const exMin = typeof exclusiveMinimum === "number" && exclusiveMinimum >= (minimum ?? Number.NEGATIVE_INFINITY);
	const exMax = typeof exclusiveMaximum === "number" && exclusiveMaximum <= (maximum ?? Number.POSITIVE_INFINITY);
	const legacy = ctx.target === "draft-04" || ctx.target === "openapi-3.0";
	if (exMin) {
		if (legacy) {
			json.minimum = exclusiveMinimum;
			json.exclusiveMinimum = true;
		} else json.exclusiveMinimum = exclusiveMinimum;
	} else if (typeof minimum === "number") json.minimum = minimum;
	if (exMax) {
		if (legacy) {
			json.maximum = exclusiveMaximum;
			json.exclusiveMaximum = true;
		} else json.exclusiveMaximum = exclusiveMaximum;
	} else if (typeof maximum === "number") json.maximum = maximum;
	if (multipleOf) {
		const divisors = /* @__PURE__ */ new Set();
		for (const divisor of multipleOf) if (Number.isFinite(divisor) && divisor !== 0) divisors.add(Math.abs(divisor));
		else handleUnrepresentable(schema, ctx, json, params, `A multipleOf divisor of ${divisor} cannot be represented in JSON Schema`);
		const [first, ...rest] = divisors;
		if (first !== void 0) json.multipleOf = first;
		if (rest.length) json.allOf = [...json.allOf ?? [], ...rest.map((m) => ({ multipleOf: m }))];
	}
};
const booleanProcessor = (_schema, _ctx, json, _params) => {
	json.type = "boolean";
};
const neverProcessor = (_schema, _ctx, json, _params) => {
	json.not = {};
};
const enumProcessor = (schema, _ctx, json, _params) => {
	const def = schema._zod.def;
	const values = getEnumValues(def.entries);
	if (values.length === 0) {
		json.not = {};
		return;
	}
	if (values.every((v) => typeof v === "number")) json.type = "number";
	if (values.every((v) => typeof v === "string")) json.type = "string";
	json.enum = values;
};
const literalProcessor = (schema, ctx, json, params) => {
	const def = schema._zod.def;
	if (def.values.length === 0) {
		json.not = {};
		return;
	}
	const vals = [];
	for (const val of def.values) if (val === void 0) {
		if (handleUnrepresentable(schema, ctx, json, params, "Literal `undefined` cannot be represented in JSON Schema")) return;
	} else if (typeof val === "bigint") {
		if (handleUnrepresentable(schema, ctx, json, params, "BigInt literals cannot be represented in JSON Schema")) return;
		vals.push(Number(val));
	} else vals.push(val);
	if (vals.length === 0) {} else if (vals.length === 1) {
		const val = vals[0];
		json.type = val === null ? "null" : typeof val;
		if (ctx.target === "draft-04" || ctx.target === "openapi-3.0") json.enum = [val];
		else json.const = val;
	} else {
		if (vals.every((v) => typeof v === "number")) json.type = "number";
		if (vals.every((v) => typeof v === "string")) json.type = "string";
		if (vals.every((v) => typeof v === "boolean")) json.type = "boolean";
		if (vals.every((v) => v === null)) json.type = "null";
		json.enum = vals;
	}
};
const customProcessor = (schema, ctx, json, params) => {
	handleUnrepresentable(schema, ctx, json, params, "Custom types cannot be represented in JSON Schema");
};
const transformProcessor = (schema, ctx, json, params) => {
	handleUnrepresentable(schema, ctx, json, params, "Transforms cannot be represented in JSON Schema");
};
const arrayProcessor = (schema, ctx, _json, params) => {
	const json = _json;
	const def = schema._zod.def;
	const { minimum, maximum } = aggregateChecks(schema);
	if (typeof minimum === "number") json.minItems = minimum;
	if (typeof maximum === "number") json.maxItems = maximum;
	json.type = "array";
	json.items = processSchema(def.element, ctx, {
		...params,
		path: [...params.path, "items"]
	});
};
function inputOptin(schema) {
	const def = schema._zod.def;
	if (def.type === "pipe" && def.in._zod.traits.has("$ZodTransform")) return inputOptin(def.out);
	if (def.type === "catch") return inputOptin(def.innerType);
	return schema._zod.optin;
}
const objectProcessor = (schema, ctx, _json, params) => {
	const json = _json;
	const def = schema._zod.def;
	const shape = def.shape;
	if (Object.getOwnPropertySymbols(shape).length && handleUnrepresentable(schema, ctx, json, params, "Symbol keys cannot be represented in JSON Schema")) return;
	json.type = "object";
	json.properties = {};
	for (const key in shape) assignProp(json.properties, key, processSchema(shape[key], ctx, {
		...params,
		path: [
			...params.path,
			"properties",
			key
		]
	}));
	const requiredKeys = [];
	for (const key of Object.keys(shape)) {
		const field = def.shape[key];
		if (ctx.io === "input" ? inputOptin(field) === void 0 : field._zod.optout === void 0) requiredKeys.push(key);
	}
	if (requiredKeys.length > 0) json.required = requiredKeys;
	if (def.catchall?._zod.def.type === "never") json.additionalProperties = false;
	else if (!def.catchall) {
		if (ctx.io === "output") json.additionalProperties = false;
	} else if (def.catchall) json.additionalProperties = processSchema(def.catchall, ctx, {
		...params,
		path: [...params.path, "additionalProperties"]
	});
};
const unionProcessor = (schema, ctx, json, params) => {
	const def = schema._zod.def;
	const isExclusive = def.inclusive === false;
	const options = def.options.map((x, i) => processSchema(x, ctx, {
		...params,
		path: [
			...params.path,
			isExclusive ? "oneOf" : "anyOf",
			i
		]
	}));
	if (isExclusive) json.oneOf = options;
	else json.anyOf = options;
};
const intersectionProcessor = (schema, ctx, json, params) => {
	const def = schema._zod.def;
	const a = processSchema(def.left, ctx, {
		...params,
		path: [
			...params.path,
			"allOf",
			0
		]
	});
	const b = processSchema(def.right, ctx, {
		...params,
		path: [
			...params.path,
			"allOf",
			1
		]
	});
	const isSimpleIntersection = (val) => "allOf" in val && Object.keys(val).length === 1;
	const allOf = [...isSimpleIntersection(a) ? a.allOf : [a], ...isSimpleIntersection(b) ? b.allOf : [b]];
	json.allOf = allOf;
	ctx.intersections.push(allOf);
};
const nullableProcessor = (schema, ctx, json, params) => {
	const def = schema._zod.def;
	const inner = processSchema(def.innerType, ctx, params);
	const seen = ctx.seen.get(schema);
	if (ctx.target === "openapi-3.0") {
		seen.ref = def.innerType;
		json.nullable = true;
	} else json.anyOf = [inner, { type: "null" }];
};
const nonoptionalProcessor = (schema, ctx, _json, params) => {
	const def = schema._zod.def;
	processSchema(def.innerType, ctx, params);
	const seen = ctx.seen.get(schema);
	seen.ref = def.innerType;
};
/** Round-trips a default value through JSON so the emitted schema is guaranteed to be valid JSON.
* A BigInt has no reliable encoding, so it goes through `unrepresentable` like any other
* unrepresentable value. Returns a sentinel when the caller must not write a default of its own. */
const UNREPRESENTABLE_DEFAULT = Symbol();
function serializeDefaultValue(value, schema, ctx, json, params) {
	let unrepresentable = false;
	const serialized = JSON.stringify(value, (_, val) => {
		if (typeof val !== "bigint") return val;
		unrepresentable = true;
		return null;
	});
	if (!unrepresentable) return JSON.parse(serialized);
	handleUnrepresentable(schema, ctx, json, params, "BigInt defaults cannot be represented in JSON Schema");
	return UNREPRESENTABLE_DEFAULT;
}
const defaultProcessor = (schema, ctx, json, params) => {
	const def = schema._zod.def;
	processSchema(def.innerType, ctx, params);
	const seen = ctx.seen.get(schema);
	seen.ref = def.innerType;
	const value = serializeDefaultValue(def.defaultValue, schema, ctx, json, params);
	if (value !== UNREPRESENTABLE_DEFAULT) json.default = value;
};
const prefaultProcessor = (schema, ctx, json, params) => {
	const def = schema._zod.def;
	processSchema(def.innerType, ctx, params);
	const seen = ctx.seen.get(schema);
	seen.ref = def.innerType;
	if (ctx.io !== "input") return;
	const value = serializeDefaultValue(def.defaultValue, schema, ctx, json, params);
	if (value !== UNREPRESENTABLE_DEFAULT) json._prefault = value;
};
const catchProcessor = (schema, ctx, json, params) => {
	const def = schema._zod.def;
	processSchema(def.innerType, ctx, params);
	const seen = ctx.seen.get(schema);
	seen.ref = def.innerType;
	let catchValue;
	try {
		catchValue = def.catchValue(void 0);
	} catch {
		handleUnrepresentable(schema, ctx, json, params, "Dynamic catch values are not supported in JSON Schema");
		return;
	}
	json.default = catchValue;
};
const pipeProcessor = (schema, ctx, _json, params) => {
	const def = schema._zod.def;
	const inIsTransform = def.in._zod.traits.has("$ZodTransform");
	const innerType = ctx.io === "input" ? inIsTransform ? def.out : def.in : def.out;
	processSchema(innerType, ctx, params);
	const seen = ctx.seen.get(schema);
	seen.ref = innerType;
};
const readonlyProcessor = (schema, ctx, json, params) => {
	const def = schema._zod.def;
	processSchema(def.innerType, ctx, params);
	const seen = ctx.seen.get(schema);
	seen.ref = def.innerType;
	json.readOnly = true;
};
const optionalProcessor = (schema, ctx, _json, params) => {
	const def = schema._zod.def;
	processSchema(def.innerType, ctx, params);
	const seen = ctx.seen.get(schema);
	seen.ref = def.innerType;
};
// node_modules/zod/v4/classic/errors.js
const _installedErrorProtos = /* @__PURE__ */ new WeakSet([Object.prototype, Error.prototype]);
function _lazyMethod(proto, key, make) {
	Object.defineProperty(proto, key, {
		configurable: true,
		enumerable: false,
		get() {
			const value = make(this);
			Object.defineProperty(this, key, {
				value,
				configurable: true,
				writable: true
			});
			return value;
		},
		set(value) {
			Object.defineProperty(this, key, {
				value,
				configurable: true,
				writable: true
			});
		}
	});
}
const initializer = (inst, issues) => {
	$ZodError.init(inst, issues);
	inst.name = "ZodError";
	const proto = Object.getPrototypeOf(inst);
	if (_installedErrorProtos.has(proto)) return;
	_installedErrorProtos.add(proto);
	_lazyMethod(proto, "format", (self) => (mapper) => formatError(self, mapper));
	_lazyMethod(proto, "flatten", (self) => (mapper) => flattenError(self, mapper));
	_lazyMethod(proto, "addIssue", (self) => (issue) => {
		self.issues.push(issue);
		self.message = JSON.stringify(self.issues, jsonStringifyReplacer, 2);
	});
	_lazyMethod(proto, "addIssues", (self) => (issues) => {
		self.issues.push(...issues);
		self.message = JSON.stringify(self.issues, jsonStringifyReplacer, 2);
	});
	Object.defineProperty(proto, "isEmpty", {
		configurable: true,
		enumerable: false,
		get() {
			return this.issues.length === 0;
		}
	});
};
const ZodRealError = /*@__PURE__*/ $constructor("ZodError", initializer, void 0, { Parent: Error });
// node_modules/zod/v4/classic/parse.js
const parse = /* @__PURE__ */ _parse(ZodRealError);
const parseAsync = /* @__PURE__ */ _parseAsync(ZodRealError);
const safeParse = /* @__PURE__ */ _safeParse(ZodRealError);
const safeParseAsync = /* @__PURE__ */ _safeParseAsync(ZodRealError);
const encode$1 = /* @__PURE__ */ _encode(ZodRealError);
const decode$1 = /* @__PURE__ */ _decode(ZodRealError);
const encodeAsync = /* @__PURE__ */ _encodeAsync(ZodRealError);
const decodeAsync = /* @__PURE__ */ _decodeAsync(ZodRealError);
const safeEncode = /* @__PURE__ */ _safeEncode(ZodRealError);
const safeDecode = /* @__PURE__ */ _safeDecode(ZodRealError);
const safeEncodeAsync = /* @__PURE__ */ _safeEncodeAsync(ZodRealError);
const safeDecodeAsync = /* @__PURE__ */ _safeDecodeAsync(ZodRealError);
// node_modules/zod/v4/classic/schemas.js
function _ensureDefaultLocale() {
	if (!globalConfig.localeError) config(en_default());
}
function _ensureDefaultMemoizer() {
	if (!globalConfig.memoizer) config({ memoizer: memoizer() });
}
const ZodType = /*@__PURE__*/ $constructor("ZodType", (inst, def) => {
	_ensureDefaultLocale();
	$ZodType.init(inst, def);
	inst.def = def;
	inst.type = def.type;
	return inst;
}, {
	check(...chks) {
		const def = this.def;
		return this.clone(mergeDefs(def, { checks: [...def.checks ?? [], ...chks.map((ch) => typeof ch === "function" ? { _zod: {
			check: ch,
			def: { check: "custom" },
			onattach: []
		} } : ch)] }), { parent: true });
	},
	with(...chks) {
		return this.check(...chks);
	},
	clone(def, params) {
		return clone(this, def, params);
	},
	brand() {
		return this;
	},
	register(reg, meta) {
		reg.add(this, meta);
		return this;
	},
	refine(check, params) {
		return this.check(refine(check, params));
	},
	superRefine(refinement, params) {
		return this.check(superRefine(refinement, params));
	},
	overwrite(fn) {
		return this.check(/* @__PURE__ */ _overwrite(fn));
	},
	optional() {
		return optional(this);
	},
	exactOptional() {
		return exactOptional(this);
	},
	nullable() {
		return nullable(this);
	},
	nullish() {
		return optional(nullable(this));
	},
	nonoptional(params) {
		return nonoptional(this, params);
	},
	array() {
		return array(this);
	},
	or(arg) {
		return union([this, arg]);
	},
	and(arg) {
		return intersection(this, arg);
	},
	transform(tx) {
		return pipe(this, transform(tx));
	},
	default(d) {
		return _default(this, d);
	},
	prefault(d) {
		return prefault(this, d);
	},
	catch(params) {
		return _catch(this, params);
	},
	pipe(target) {
		return pipe(this, target);
	},
	readonly() {
		return readonly(this);
	},
	describe(description) {
		const cl = this.clone();
		globalRegistry.add(cl, { description });
		return cl;
	},
	meta(...args) {
		if (args.length === 0) return globalRegistry.get(this);
		const cl = this.clone();
		globalRegistry.add(cl, args[0]);
		return cl;
	},
	isOptional() {
		return this.safeParse(void 0).success;
	},
	isNullable() {
		return this.safeParse(null).success;
	},
	apply(fn, ...args) {
		return args.length === 0 ? fn(this) : fn(this, ...args);
	},
	get "~standard"() {
		return hide(this, "~standard", {
			...standardProps(this),
			jsonSchema: {
				input: createStandardJSONSchemaMethod(this, "input"),
				output: createStandardJSONSchemaMethod(this, "output")
			}
		});
	},
	set "~standard"(value) {
		own(this, "~standard", value);
	},
	parse: function _parse(data, params) {
		return parse(this, data, params, { callee: _parse });
	},
	parseAsync: async function _parseAsync(data, params) {
		return await parseAsync(this, data, params, { callee: _parseAsync });
	},
	safeParse(data, params) {
		return safeParse(this, data, params);
	},
	async safeParseAsync(data, params) {
		return safeParseAsync(this, data, params);
	},
	get spa() {
		return this?.safeParseAsync;
	},
	set spa(value) {
		own(this, "spa", value);
	},
	validate(data, params) {
		return validate(this, data, params);
	},
	validateAsync(data, params) {
		return validateAsync$1(this, data, params);
	},
	encode: function _encode(data, params) {
		return encode$1(this, data, params, { callee: _encode });
	},
	decode: function _decode(data, params) {
		return decode$1(this, data, params, { callee: _decode });
	},
	encodeAsync: async function _encodeAsync(data, params) {
		return await encodeAsync(this, data, params, { callee: _encodeAsync });
	},
	decodeAsync: async function _decodeAsync(data, params) {
		return await decodeAsync(this, data, params, { callee: _decodeAsync });
	},
	safeEncode(data, params) {
		return safeEncode(this, data, params);
	},
	safeDecode(data, params) {
		return safeDecode(this, data, params);
	},
	async safeEncodeAsync(data, params) {
		return safeEncodeAsync(this, data, params);
	},
	async safeDecodeAsync(data, params) {
		return safeDecodeAsync(this, data, params);
	},
	toJSONSchema(params) {
		return createToJSONSchemaMethod(this, {})(params);
	},
	get description() {
		return globalRegistry.get(this)?.description;
	},
	get _def() {
		return this._zod.def;
	}
});
/** @internal */
const _ZodString = /*@__PURE__*/ $constructor("_ZodString", (inst, def) => {
	$ZodString.init(inst, def);
	ZodType.init(inst, def);
	inst._zod.processJSONSchema = (ctx, json, params) => stringProcessor(inst, ctx, json, params);
}, /*@__PURE__*/ derived({
	format: (inst) => aggregateChecks(inst).format ?? null,
	minLength: (inst) => aggregateChecks(inst).minimum ?? null,
	maxLength: (inst) => aggregateChecks(inst).maximum ?? null
}, {
	regex(...args) {
		return this.check(/* @__PURE__ */ _regex(...args));
	},
	includes(...args) {
		return this.check(/* @__PURE__ */ _includes(...args));
	},
	startsWith(...args) {
		return this.check(/* @__PURE__ */ _startsWith(...args));
	},
	endsWith(...args) {
		return this.check(/* @__PURE__ */ _endsWith(...args));
	},
	min(...args) {
		return this.check(/* @__PURE__ */ _minLength(...args));
	},
	max(...args) {
		return this.check(/* @__PURE__ */ _maxLength(...args));
	},
	length(...args) {
		return this.check(/* @__PURE__ */ _length(...args));
	},
	nonempty(...args) {
		return this.check(/* @__PURE__ */ _minLength(1, ...args));
	},
	lowercase(params) {
		return this.check(/* @__PURE__ */ _lowercase(params));
	},
	uppercase(params) {
		return this.check(/* @__PURE__ */ _uppercase(params));
	},
	trim() {
		return this.check(/* @__PURE__ */ _trim());
	},
	normalize(...args) {
		return this.check(/* @__PURE__ */ _normalize(...args));
	},
	toLowerCase() {
		return this.check(/* @__PURE__ */ _toLowerCase());
	},
	toUpperCase() {
		return this.check(/* @__PURE__ */ _toUpperCase());
	},
	slugify() {
		return this.check(/* @__PURE__ */ _slugify());
	}
}));
const ZodString = /*@__PURE__*/ $constructor("ZodString", (inst, def) => {
	$ZodString.init(inst, def);
	_ZodString.init(inst, def);
}, {
	email(params) {
		return this.check(/* @__PURE__ */ _email(ZodEmail, params));
	},
	url(params) {
		return this.check(/* @__PURE__ */ _url(ZodURL, params));
	},
	jwt(params) {
		return this.check(/* @__PURE__ */ _jwt(ZodJWT, params));
	},
	emoji(params) {
		return this.check(/* @__PURE__ */ _emoji(ZodEmoji, params));
	},
	guid(params) {
		return this.check(/* @__PURE__ */ _guid(ZodGUID, params));
	},
	uuid(params) {
		return this.check(/* @__PURE__ */ _uuid(ZodUUID, params));
	},
	uuidv4(params) {
		return this.check(/* @__PURE__ */ _uuidv4(ZodUUID, params));
	},
	uuidv6(params) {
		return this.check(/* @__PURE__ */ _uuidv6(ZodUUID, params));
	},
	uuidv7(params) {
		return this.check(/* @__PURE__ */ _uuidv7(ZodUUID, params));
	},
	nanoid(params) {
		return this.check(/* @__PURE__ */ _nanoid(ZodNanoID, params));
	},
	cuid(params) {
		return this.check(/* @__PURE__ */ _cuid(ZodCUID, params));
	},
	cuid2(params) {
		return this.check(/* @__PURE__ */ _cuid2(ZodCUID2, params));
	},
	ulid(params) {
		return this.check(/* @__PURE__ */ _ulid(ZodULID, params));
	},
	base64(params) {
		return this.check(/* @__PURE__ */ _base64(ZodBase64, params));
	},
	base64url(params) {
		return this.check(/* @__PURE__ */ _base64url(ZodBase64URL, params));
	},
	xid(params) {
		return this.check(/* @__PURE__ */ _xid(ZodXID, params));
	},
	ksuid(params) {
		return this.check(/* @__PURE__ */ _ksuid(ZodKSUID, params));
	},
	ipv4(params) {
		return this.check(/* @__PURE__ */ _ipv4(ZodIPv4, params));
	},
	ipv6(params) {
		return this.check(/* @__PURE__ */ _ipv6(ZodIPv6, params));
	},
	cidrv4(params) {
		return this.check(/* @__PURE__ */ _cidrv4(ZodCIDRv4, params));
	},
	cidrv6(params) {
		return this.check(/* @__PURE__ */ _cidrv6(ZodCIDRv6, params));
	},
	e164(params) {
		return this.check(/* @__PURE__ */ _e164(ZodE164, params));
	},
	datetime(params) {
		return this.check(/* @__PURE__ */ _isoDateTime(ZodISODateTime, params));
	},
	date(params) {
		return this.check(/* @__PURE__ */ _isoDate(ZodISODate, params));
	},
	time(params) {
		return this.check(/* @__PURE__ */ _isoTime(ZodISOTime, params));
	},
	duration(params) {
		return this.check(/* @__PURE__ */ _isoDuration(ZodISODuration, params));
	}
});
function string(params) {
	return /* @__PURE__ */ _string(ZodString, params);
}
const ZodStringFormat = /*@__PURE__*/ $constructor("ZodStringFormat", (inst, def) => {
	$ZodStringFormat.init(inst, def);
	_ZodString.init(inst, def);
});
const ZodISODateTime = /*@__PURE__*/ $constructor("ZodISODateTime", (inst, def) => {
	$ZodISODateTime.init(inst, def);
	ZodStringFormat.init(inst, def);
});
const ZodISODate = /*@__PURE__*/ $constructor("ZodISODate", (inst, def) => {
	$ZodISODate.init(inst, def);
	ZodStringFormat.init(inst, def);
});
const ZodISOTime = /*@__PURE__*/ $constructor("ZodISOTime", (inst, def) => {
	$ZodISOTime.init(inst, def);
	ZodStringFormat.init(inst, def);
});
const ZodISODuration = /*@__PURE__*/ $constructor("ZodISODuration", (inst, def) => {
	$ZodISODuration.init(inst, def);
	ZodStringFormat.init(inst, def);
});
const ZodEmail = /*@__PURE__*/ $constructor("ZodEmail", (inst, def) => {
	$ZodEmail.init(inst, def);
	ZodStringFormat.init(inst, def);
});
const ZodGUID = /*@__PURE__*/ $constructor("ZodGUID", (inst, def) => {
	$ZodGUID.init(inst, def);
	ZodStringFormat.init(inst, def);
});
const ZodUUID = /*@__PURE__*/ $constructor("ZodUUID", (inst, def) => {
	$ZodUUID.init(inst, def);
	ZodStringFormat.init(inst, def);
});
const ZodURL = /*@__PURE__*/ $constructor("ZodURL", (inst, def) => {
	$ZodURL.init(inst, def);
	ZodStringFormat.init(inst, def);
});
const ZodEmoji = /*@__PURE__*/ $constructor("ZodEmoji", (inst, def) => {
	$ZodEmoji.init(inst, def);
	ZodStringFormat.init(inst, def);
});
const ZodNanoID = /*@__PURE__*/ $constructor("ZodNanoID", (inst, def) => {
	$ZodNanoID.init(inst, def);
	ZodStringFormat.init(inst, def);
});
/**
* @deprecated CUID v1 is deprecated by its authors due to information leakage
* (timestamps embedded in the id). Use {@link ZodCUID2} instead.
* See https://github.com/paralleldrive/cuid.
*/
const ZodCUID = /*@__PURE__*/ $constructor("ZodCUID", (inst, def) => {
	$ZodCUID.init(inst, def);
	ZodStringFormat.init(inst, def);
});
const ZodCUID2 = /*@__PURE__*/ $constructor("ZodCUID2", (inst, def) => {
	$ZodCUID2.init(inst, def);
	ZodStringFormat.init(inst, def);
});
const ZodULID = /*@__PURE__*/ $constructor("ZodULID", (inst, def) => {
	$ZodULID.init(inst, def);
	ZodStringFormat.init(inst, def);
});
const ZodXID = /*@__PURE__*/ $constructor("ZodXID", (inst, def) => {
	$ZodXID.init(inst, def);
	ZodStringFormat.init(inst, def);
});
const ZodKSUID = /*@__PURE__*/ $constructor("ZodKSUID", (inst, def) => {
	$ZodKSUID.init(inst, def);
	ZodStringFormat.init(inst, def);
});
const ZodIPv4 = /*@__PURE__*/ $constructor("ZodIPv4", (inst, def) => {
	$ZodIPv4.init(inst, def);
	ZodStringFormat.init(inst, def);
});
const ZodIPv6 = /*@__PURE__*/ $constructor("ZodIPv6", (inst, def) => {
	$ZodIPv6.init(inst, def);
	ZodStringFormat.init(inst, def);
});
const ZodCIDRv4 = /*@__PURE__*/ $constructor("ZodCIDRv4", (inst, def) => {
	$ZodCIDRv4.init(inst, def);
	ZodStringFormat.init(inst, def);
});
const ZodCIDRv6 = /*@__PURE__*/ $constructor("ZodCIDRv6", (inst, def) => {
	$ZodCIDRv6.init(inst, def);
	ZodStringFormat.init(inst, def);
});
const ZodBase64 = /*@__PURE__*/ $constructor("ZodBase64", (inst, def) => {
	$ZodBase64.init(inst, def);
	ZodStringFormat.init(inst, def);
});
const ZodBase64URL = /*@__PURE__*/ $constructor("ZodBase64URL", (inst, def) => {
	$ZodBase64URL.init(inst, def);
	ZodStringFormat.init(inst, def);
});
const ZodE164 = /*@__PURE__*/ $constructor("ZodE164", (inst, def) => {
	$ZodE164.init(inst, def);
	ZodStringFormat.init(inst, def);
});
const ZodJWT = /*@__PURE__*/ $constructor("ZodJWT", (inst, def) => {
	$ZodJWT.init(inst, def);
	ZodStringFormat.init(inst, def);
});
const ZodNumber = /*@__PURE__*/ $constructor("ZodNumber", (inst, def) => {
	$ZodNumber.init(inst, def);
	ZodType.init(inst, def);
	inst._zod.processJSONSchema = (ctx, json, params) => numberProcessor(inst, ctx, json, params);
	inst.isFinite = true;
}, /*@__PURE__*/ derived({
	minValue: (inst) => {
		const { minimum, exclusiveMinimum } = aggregateChecks(inst);
		return Math.max(minimum ?? Number.NEGATIVE_INFINITY, exclusiveMinimum ?? Number.NEGATIVE_INFINITY);
	},
	maxValue: (inst) => {
		const { maximum, exclusiveMaximum } = aggregateChecks(inst);
		return Math.min(maximum ?? Number.POSITIVE_INFINITY, exclusiveMaximum ?? Number.POSITIVE_INFINITY);
	},
	isInt: (inst) => {
		const { isInt, multipleOf } = aggregateChecks(inst);
		return !!isInt || !!multipleOf?.some(Number.isSafeInteger);
	},
	format: (inst) => aggregateChecks(inst).format ?? null
}, {
	gt(value, params) {
		return this.check(/* @__PURE__ */ _gt(value, params));
	},
	gte(value, params) {
		return this.check(/* @__PURE__ */ _gte(value, params));
	},
	min(value, params) {
		return this.check(/* @__PURE__ */ _gte(value, params));
	},
	lt(value, params) {
		return this.check(/* @__PURE__ */ _lt(value, params));
	},
	lte(value, params) {
		return this.check(/* @__PURE__ */ _lte(value, params));
	},
	max(value, params) {
		return this.check(/* @__PURE__ */ _lte(value, params));
	},
	int(params) {
		return this.check(int(params));
	},
	safe(params) {
		return this.check(int(params));
	},
	positive(params) {
		return this.check(/* @__PURE__ */ _gt(0, params));
	},
	nonnegative(params) {
		return this.check(/* @__PURE__ */ _gte(0, params));
	},
	negative(params) {
		return this.check(/* @__PURE__ */ _lt(0, params));
	},
	nonpositive(params) {
		return this.check(/* @__PURE__ */ _lte(0, params));
	},
	multipleOf(value, params) {
		return this.check(/* @__PURE__ */ _multipleOf(value, params));
	},
	step(value, params) {
		return this.check(/* @__PURE__ */ _multipleOf(value, params));
	},
	finite() {
		return this;
	}
}));
function number(params) {
	return /* @__PURE__ */ _number(ZodNumber, params);
}
const ZodNumberFormat = /*@__PURE__*/ $constructor("ZodNumberFormat", (inst, def) => {
	$ZodNumberFormat.init(inst, def);
	ZodNumber.init(inst, def);
});
function int(params) {
	return /* @__PURE__ */ _int(ZodNumberFormat, params);
}
const ZodBoolean = /*@__PURE__*/ $constructor("ZodBoolean", (inst, def) => {
	$ZodBoolean.init(inst, def);
	ZodType.init(inst, def);
	inst._zod.processJSONSchema = (ctx, json, params) => booleanProcessor(inst, ctx, json, params);
});
function boolean(params) {
	return /* @__PURE__ */ _boolean(ZodBoolean, params);
}
const ZodUnknown = /*@__PURE__*/ $constructor("ZodUnknown", (inst, def) => {
	$ZodUnknown.init(inst, def);
	ZodType.init(inst, def);
	inst._zod.processJSONSchema = (ctx, json, params) => void 0;
});
function unknown() {
	return /* @__PURE__ */ _unknown(ZodUnknown);
}
const ZodNever = /*@__PURE__*/ $constructor("ZodNever", (inst, def) => {
	$ZodNever.init(inst, def);
	ZodType.init(inst, def);
	inst._zod.processJSONSchema = (ctx, json, params) => neverProcessor(inst, ctx, json, params);
});
function never(params) {
	return /* @__PURE__ */ _never(ZodNever, params);
}
const ZodArray = /*@__PURE__*/ $constructor("ZodArray", (inst, def) => {
	_ensureDefaultMemoizer();
	$ZodArray.init(inst, def);
	ZodType.init(inst, def);
	inst._zod.processJSONSchema = (ctx, json, params) => arrayProcessor(inst, ctx, json, params);
	inst.element = def.element;
}, {
	min(n, params) {
		return this.check(/* @__PURE__ */ _minLength(n, params));
	},
	nonempty(params) {
		return this.check(/* @__PURE__ */ _minLength(1, params));
	},
	max(n, params) {
		return this.check(/* @__PURE__ */ _maxLength(n, params));
	},
	length(n, params) {
		return this.check(/* @__PURE__ */ _length(n, params));
	},
	unwrap() {
		return this.element;
	}
});
function array(element, params) {
	return /* @__PURE__ */ _array(ZodArray, element, params);
}
const ZodObject = /*@__PURE__*/ $constructor("ZodObject", (inst, def) => {
	_ensureDefaultMemoizer();
	$ZodObjectJIT.init(inst, def);
	ZodType.init(inst, def);
	inst._zod.processJSONSchema = (ctx, json, params) => objectProcessor(inst, ctx, json, params);
	installLazyProp(inst, "shape", (self) => self._zod.def.shape, false);
}, {
	keyof() {
		return _enum(Object.keys(this._zod.def.shape));
	},
	catchall(catchall) {
		return this.clone(mergeDefs(this._zod.def, { catchall }));
	},
	passthrough() {
		return this.clone(mergeDefs(this._zod.def, { catchall: unknown() }));
	},
	loose() {
		return this.clone(mergeDefs(this._zod.def, { catchall: unknown() }));
	},
	strict() {
		return this.clone(mergeDefs(this._zod.def, { catchall: never() }));
	},
	strip() {
		return this.clone(mergeDefs(this._zod.def, { catchall: void 0 }));
	},
	extend(incoming) {
		return extend(this, incoming);
	},
	safeExtend(incoming) {
		return safeExtend(this, incoming);
	},
	merge(other) {
		return merge(this, other);
	},
	pick(mask) {
		return pick(this, mask);
	},
	omit(mask) {
		return omit(this, mask);
	},
	partial(...args) {
		return partial(ZodOptional, this, args[0]);
	},
	exactPartial(...args) {
		return partial(ZodExactOptional, this, args[0], "exactPartial");
	},
	required(...args) {
		return required(ZodNonOptional, this, args[0]);
	}
});
function object(shape, params) {
	const def = {
		type: "object",
		shape: shape ?? {},
		...normalizeParams(params)
	};
	return new ZodObject(def);
}
const ZodUnion = /*@__PURE__*/ $constructor("ZodUnion", (inst, def) => {
	$ZodUnion.init(inst, def);
	ZodType.init(inst, def);
	inst._zod.processJSONSchema = (ctx, json, params) => unionProcessor(inst, ctx, json, params);
	inst.options = def.options;
});
function union(options, params) {
	return new ZodUnion({
		type: "union",
		options,
		...normalizeParams(params)
	});
}
const ZodDiscriminatedUnion = /*@__PURE__*/ $constructor("ZodDiscriminatedUnion", (inst, def) => {
	ZodUnion.init(inst, def);
	$ZodDiscriminatedUnion.init(inst, def);
});
function discriminatedUnion(discriminator, options, params) {
	return new ZodDiscriminatedUnion({
		type: "union",
		options,
		discriminator,
		...normalizeParams(params)
	});
}
const ZodIntersection = /*@__PURE__*/ $constructor("ZodIntersection", (inst, def) => {
	$ZodIntersection.init(inst, def);
	ZodType.init(inst, def);
	inst._zod.processJSONSchema = (ctx, json, params) => intersectionProcessor(inst, ctx, json, params);
});
function intersection(left, right) {
	return new ZodIntersection({
		type: "intersection",
		left,
		right
	});
}
const ZodEnum = /*@__PURE__*/ $constructor("ZodEnum", (inst, def) => {
	$ZodEnum.init(inst, def);
	ZodType.init(inst, def);
	inst._zod.processJSONSchema = (ctx, json, params) => enumProcessor(inst, ctx, json, params);
	inst.enum = def.entries;
	inst.options = [...inst._zod.values];
	const keys = new Set(Object.keys(def.entries));
	inst.extract = (values, params) => {
		const newEntries = {};
		for (const value of values) if (keys.has(value)) newEntries[value] = def.entries[value];
		else throw new Error(`Key ${value} not found in enum`);
		return new ZodEnum({
			...def,
			checks: [],
			...normalizeParams(params),
			entries: newEntries
		});
	};
	inst.exclude = (values, params) => {
		const newEntries = { ...def.entries };
		for (const value of values) if (keys.has(value)) delete newEntries[value];
		else throw new Error(`Key ${value} not found in enum`);
		return new ZodEnum({
			...def,
			checks: [],
			...normalizeParams(params),
			entries: newEntries
		});
	};
});
function _enum(values, params) {
	const entries = Array.isArray(values) ? Object.fromEntries(values.map((v) => [v, v])) : values;
	return new ZodEnum({
		type: "enum",
		entries,
		...normalizeParams(params)
	});
}
const ZodLiteral = /*@__PURE__*/ $constructor("ZodLiteral", (inst, def) => {
	$ZodLiteral.init(inst, def);
	ZodType.init(inst, def);
	inst._zod.processJSONSchema = (ctx, json, params) => literalProcessor(inst, ctx, json, params);
	inst.values = new Set(def.values);
	Object.defineProperty(inst, "value", { get() {
		if (def.values.length > 1) throw new Error("This schema contains multiple valid literal values. Use `.values` instead.");
		return def.values[0];
	} });
});
function literal(value, params) {
	return new ZodLiteral({
		type: "literal",
		values: Array.isArray(value) ? value : [value],
		...normalizeParams(params)
	});
}
const ZodTransform = /*@__PURE__*/ $constructor("ZodTransform", (inst, def) => {
	_ensureDefaultMemoizer();
	$ZodTransform.init(inst, def);
	ZodType.init(inst, def);
	inst._zod.processJSONSchema = (ctx, json, params) => transformProcessor(inst, ctx, json, params);
	inst._zod.parse = (payload, _ctx) => {
		if (_ctx.direction === "backward") throw new $ZodEncodeError(inst.constructor.name);
		payload.addIssue = (issue$1) => {
			if (typeof issue$1 === "string") payload.issues.push(issue(issue$1, payload.value, def));
			else {
				const _issue = issue$1;
				if (_issue.fatal) _issue.continue = false;
				_issue.code ?? (_issue.code = "custom");
				if (!("input" in _issue)) _issue.input = payload.value;
				_issue.inst ?? (_issue.inst = inst);
				payload.issues.push(issue(_issue));
			}
		};
		const output = def.transform(payload.value, payload);
		if (output instanceof Promise) return output.then((output) => {
			payload.value = output;
			return payload;
		});
		payload.value = output;
		return payload;
	};
});
function transform(fn) {
	return new ZodTransform({
		type: "transform",
		transform: fn
	});
}
const ZodOptional = /*@__PURE__*/ $constructor("ZodOptional", (inst, def) => {
	$ZodOptional.init(inst, def);
	ZodType.init(inst, def);
	inst._zod.processJSONSchema = (ctx, json, params) => optionalProcessor(inst, ctx, json, params);
	inst.unwrap = () => inst._zod.def.innerType;
});
function optional(innerType) {
	return new ZodOptional({
		type: "optional",
		innerType
	});
}
const ZodExactOptional = /*@__PURE__*/ $constructor("ZodExactOptional", (inst, def) => {
	$ZodExactOptional.init(inst, def);
	ZodType.init(inst, def);
	inst._zod.processJSONSchema = (ctx, json, params) => optionalProcessor(inst, ctx, json, params);
	inst.unwrap = () => inst._zod.def.innerType;
});
function exactOptional(innerType) {
	return new ZodExactOptional({
		type: "optional",
		innerType
	});
}
const ZodNullable = /*@__PURE__*/ $constructor("ZodNullable", (inst, def) => {
	$ZodNullable.init(inst, def);
	ZodType.init(inst, def);
	inst._zod.processJSONSchema = (ctx, json, params) => nullableProcessor(inst, ctx, json, params);
	inst.unwrap = () => inst._zod.def.innerType;
});
function nullable(innerType) {
	return new ZodNullable({
		type: "nullable",
		innerType
	});
}
const ZodDefault = /*@__PURE__*/ $constructor("ZodDefault", (inst, def) => {
	$ZodDefault.init(inst, def);
	ZodType.init(inst, def);
	inst._zod.processJSONSchema = (ctx, json, params) => defaultProcessor(inst, ctx, json, params);
	inst.unwrap = () => inst._zod.def.innerType;
	inst.removeDefault = inst.unwrap;
});
function _default(innerType, defaultValue) {
	return new ZodDefault({
		type: "default",
		innerType,
		get defaultValue() {
			return typeof defaultValue === "function" ? defaultValue() : shallowClone(defaultValue);
		}
	});
}
const ZodPrefault = /*@__PURE__*/ $constructor("ZodPrefault", (inst, def) => {
	$ZodPrefault.init(inst, def);
	ZodType.init(inst, def);
	inst._zod.processJSONSchema = (ctx, json, params) => prefaultProcessor(inst, ctx, json, params);
	inst.unwrap = () => inst._zod.def.innerType;
});
function prefault(innerType, defaultValue) {
	return new ZodPrefault({
		type: "prefault",
		innerType,
		get defaultValue() {
			return typeof defaultValue === "function" ? defaultValue() : shallowClone(defaultValue);
		}
	});
}
const ZodNonOptional = /*@__PURE__*/ $constructor("ZodNonOptional", (inst, def) => {
	$ZodNonOptional.init(inst, def);
	ZodType.init(inst, def);
	inst._zod.processJSONSchema = (ctx, json, params) => nonoptionalProcessor(inst, ctx, json, params);
	inst.unwrap = () => inst._zod.def.innerType;
});
function nonoptional(innerType, params) {
	return new ZodNonOptional({
		type: "nonoptional",
		innerType,
		...normalizeParams(params)
	});
}
const ZodCatch = /*@__PURE__*/ $constructor("ZodCatch", (inst, def) => {
	$ZodCatch.init(inst, def);
	ZodType.init(inst, def);
	inst._zod.processJSONSchema = (ctx, json, params) => catchProcessor(inst, ctx, json, params);
	inst.unwrap = () => inst._zod.def.innerType;
	inst.removeCatch = inst.unwrap;
});
function _catch(innerType, catchValue) {
	return new ZodCatch({
		type: "catch",
		innerType,
		catchValue: typeof catchValue === "function" ? catchValue : constantCatch(catchValue)
	});
}
const ZodPipe = /*@__PURE__*/ $constructor("ZodPipe", (inst, def) => {
	$ZodPipe.init(inst, def);
	ZodType.init(inst, def);
	inst._zod.processJSONSchema = (ctx, json, params) => pipeProcessor(inst, ctx, json, params);
	inst.in = def.in;
	inst.out = def.out;
});
function pipe(in_, out) {
	return new ZodPipe({
		type: "pipe",
		in: in_,
		out
	});
}
const ZodReadonly = /*@__PURE__*/ $constructor("ZodReadonly", (inst, def) => {
	$ZodReadonly.init(inst, def);
	ZodType.init(inst, def);
	inst._zod.processJSONSchema = (ctx, json, params) => readonlyProcessor(inst, ctx, json, params);
	inst.unwrap = () => inst._zod.def.innerType;
});
function readonly(innerType) {
	return new ZodReadonly({
		type: "readonly",
		innerType
	});
}
const ZodCustom = /*@__PURE__*/ $constructor("ZodCustom", (inst, def) => {
	$ZodCustom.init(inst, def);
	ZodType.init(inst, def);
	inst._zod.processJSONSchema = (ctx, json, params) => customProcessor(inst, ctx, json, params);
});
function refine(fn, _params = {}) {
	return /* @__PURE__ */ _refine(ZodCustom, fn, _params);
}
function superRefine(fn, params) {
	return /* @__PURE__ */ _superRefine(fn, params);
}
// shared/protocol/ids.ts
/**
* Every id that appears as a topic segment. Letters, digits, `_` and `-` only, so an id can never carry an MQTT
* wildcard (`#`, `+`), a level separator (`/`) or the `$` that starts broker-internal topics.
*/
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const Id = string().regex(ID_PATTERN, "ids are 1-64 letters, digits, \"_\" or \"-\"");
function isId(value) {
	return typeof value === "string" && ID_PATTERN.test(value);
}
const DEFAULT_ROOT = "classroom";
const TOPIC_PATTERNS = {
	/** Retained summary of one class, published by the directory service. */
	classSummary: "directory/classes/{classId}",
	/** Retained presence of one participant; the broker publishes the last will when the connection dies. */
	presence: "class/{classId}/presence/{userId}",
	/** A teacher's class control (start, end), from that teacher. */
	classControl: "class/{classId}/control/{userId}",
	/** A request to a backend service, from the user in the last segment. */
	serviceRequest: "svc/{service}/req/{userId}",
	/** Responses to one session's requests. */
	reply: "user/{userId}/reply/{sessionId}",
	/** Round-trip probe a session sends to itself. */
	ping: "user/{userId}/ping/{sessionId}"
};
var TopicError = class extends Error {};
const SEGMENTS = Object.fromEntries(Object.entries(TOPIC_PATTERNS).map(([kind, pattern]) => [kind, pattern.split("/")]));
function isParam(segment) {
	return segment.startsWith("{") && segment.endsWith("}");
}
function prefix(root = DEFAULT_ROOT) {
	return `${root}/v1`;
}
/** Builds a concrete topic. Every parameter must be an id, so no caller can smuggle in wildcards or levels. */
function topic(kind, params, root = DEFAULT_ROOT) {
	const values = params;
	const path = SEGMENTS[kind].map((segment) => {
		if (!isParam(segment)) return segment;
		const value = values[segment.slice(1, -1)];
		if (!isId(value)) throw new TopicError(`${kind}: ${segment} must be an id, got ${JSON.stringify(value)}`);
		return value;
	});
	return `${prefix(root)}/${path.join("/")}`;
}
/**
* Builds a subscription filter: parameters given as ids are fixed, parameters left out become `+`.
*/
function filter(kind, params = {}, root = DEFAULT_ROOT) {
	const values = params;
	const path = SEGMENTS[kind].map((segment) => {
		if (!isParam(segment)) return segment;
		const value = values[segment.slice(1, -1)];
		if (value === void 0) return "+";
		if (!isId(value)) throw new TopicError(`${kind}: ${segment} must be an id, got ${JSON.stringify(value)}`);
		return value;
	});
	return `${prefix(root)}/${path.join("/")}`;
}
/** Parses a concrete topic. Anything outside the v1 tree, or with a parameter that is not an id, is `null`. */
function parseTopic(name, root = DEFAULT_ROOT) {
	const head = `${prefix(root)}/`;
	if (!name.startsWith(head)) return null;
	const parts = name.slice(head.length).split("/");
	for (const kind of Object.keys(SEGMENTS)) {
		const segments = SEGMENTS[kind];
		if (segments.length !== parts.length) continue;
		const params = {};
		let matched = true;
		for (let i = 0; i < segments.length && matched; i++) {
			const segment = segments[i];
			const part = parts[i];
			if (isParam(segment)) {
				if (isId(part)) params[segment.slice(1, -1)] = part;
				else matched = false;
			} else if (segment !== part) matched = false;
		}
		if (matched) return {
			kind,
			params
		};
	}
	return null;
}
const Role = _enum([
	"teacher",
	"student",
	"supervisor",
	"service"
]);
/** Roles a person can sign in with; `service` is reserved for the backend's own processes. */
const PERSON_ROLES = [
	"teacher",
	"student",
	"supervisor"
];
object({
	sub: Id,
	name: string().min(1).max(80),
	role: Role,
	classes: union([literal("*"), array(Id).max(500)])
});
_enum(Object.keys({
	"unknown-user": "No such user.",
	"wrong-password": "Wrong password.",
	"token-malformed": "That is not a valid token.",
	"token-expired": "The token has expired. Sign in again.",
	"token-bad-signature": "The token was signed with a key this backend does not trust.",
	"token-claims": "The token does not carry a user, a role and a class scope.",
	"broker-refused": "The broker refused these credentials.",
	"not-authorized": "The broker says this user is not authorised.",
	"backend-unreachable": "The classroom backend cannot be reached."
}));
// shared/protocol/messages.ts
/** Every payload is a JSON object with `v`, the protocol version it was written for. */
const v1 = literal(1);
const timestamp = number().int().nonnegative();
const label = string().min(1).max(120);
const ClassState = _enum([
	"scheduled",
	"live",
	"ended"
]);
const ClassSummary = object({
	v: v1,
	id: Id,
	title: label,
	teacher: object({
		id: Id,
		name: label
	}),
	state: ClassState,
	region: string().max(32),
	startsAt: timestamp,
	presence: object({
		teachers: number().int().nonnegative(),
		students: number().int().nonnegative()
	}),
	capacity: number().int().positive().max(1e4),
	updatedAt: timestamp
});
const Presence = object({
	v: v1,
	userId: Id,
	name: label,
	role: _enum(PERSON_ROLES),
	online: boolean(),
	device: string().max(80).optional(),
	appVersion: string().max(40).optional(),
	ts: timestamp
});
const ClassControl = object({
	v: v1,
	action: _enum(["start", "end"]),
	/** Lets the sender recognise its own change when the directory echoes it back. */
	requestId: Id,
	ts: timestamp
});
const RpcRequest = object({
	v: v1,
	/** Correlation id: the response carries the same id. */
	id: Id,
	method: string().regex(/^[a-z][a-zA-Z0-9.]{0,63}$/),
	/** The session id segment of the requester's reply topic. */
	replyTo: Id,
	params: unknown(),
	/** The requester stops waiting at this time; a service may skip work that can no longer be answered. */
	deadline: timestamp
});
const RpcError = object({
	code: string().max(64),
	message: string().max(500)
});
const RpcResponse = discriminatedUnion("ok", [object({
	v: v1,
	id: Id,
	ok: literal(true),
	result: unknown()
}), object({
	v: v1,
	id: Id,
	ok: literal(false),
	error: RpcError
})]);
const Ping = object({
	v: v1,
	seq: number().int().nonnegative(),
	sentAt: timestamp
});
// shared/protocol/kinds.ts
function spec(schema, qos, retain, maxBytes) {
	return {
		schema,
		qos,
		retain,
		maxBytes
	};
}
/** QoS, retain and size limit of every message kind: the table in docs/protocol.md. */
const KINDS = {
	classSummary: spec(ClassSummary, 1, true, 4096),
	presence: spec(Presence, 1, true, 2048),
	classControl: spec(ClassControl, 1, false, 1024),
	serviceRequest: spec(RpcRequest, 1, false, 65536),
	reply: spec(RpcResponse, 1, false, 262144),
	ping: spec(Ping, 0, false, 256)
};
Math.max(...Object.values(KINDS).map((k) => k.maxBytes));
// shared/protocol/text.ts
const runtime = globalThis;
const decoder = new runtime.TextDecoder("utf-8", { fatal: true });
const encoder = new runtime.TextEncoder();
/** Decodes strict UTF-8; throws on invalid byte sequences. */
function utf8Decode(bytes) {
	return decoder.decode(bytes);
}
function utf8Encode(text) {
	return encoder.encode(text);
}
// shared/protocol/codec.ts
/** Why an inbound message was dropped. Each reason has its own counter in the diagnostics panel. */
const DROP_REASONS = [
	"unknown-topic",
	"unexpected-retain",
	"oversized",
	"not-utf8",
	"not-json",
	"unknown-version",
	"schema"
];
/**
* Validates an inbound message at the edge: topic, size, encoding, JSON, version and schema, in that order, so the
* cheap checks run first and an oversized payload is never parsed. `retained` is the packet's retain flag: a retained
* message on a kind that is never retained was planted (brokers like Mosquitto cannot forbid it) and is dropped.
*/
function decode(topicName, payload, root = DEFAULT_ROOT, retained = false) {
	const parsed = parseTopic(topicName, root);
	if (!parsed) return drop("unknown-topic", topicName, "topic is not part of protocol v1");
	const spec = KINDS[parsed.kind];
	if (retained && !spec.retain) return drop("unexpected-retain", topicName, `${parsed.kind} is never retained`);
	if (payload.byteLength === 0 && spec.retain) return {
		ok: true,
		kind: "cleared",
		topic: topicName,
		parsed
	};
	if (payload.byteLength > spec.maxBytes) return drop("oversized", topicName, `${payload.byteLength} bytes exceeds the ${spec.maxBytes}-byte limit of ${parsed.kind}`);
	let text;
	try {
		text = utf8Decode(payload);
	} catch {
		return drop("not-utf8", topicName, "payload is not valid UTF-8");
	}
	let json;
	try {
		json = JSON.parse(text);
	} catch {
		return drop("not-json", topicName, "payload is not JSON");
	}
	if (typeof json !== "object" || json === null || Array.isArray(json)) return drop("schema", topicName, "payload is not a JSON object");
	const version = json.v;
	if (version !== 1) return drop("unknown-version", topicName, `version ${JSON.stringify(version)} is not supported`);
	const result = spec.schema.safeParse(json);
	if (!result.success) {
		const issue = result.error.issues[0];
		return drop("schema", topicName, `${parsed.kind}: ${issue ? `${issue.path.join(".") || "(root)"} ${issue.message}` : "invalid"}`);
	}
	return {
		ok: true,
		kind: parsed.kind,
		params: parsed.params,
		message: result.data,
		topic: topicName
	};
}
function drop(reason, topic, detail) {
	return {
		ok: false,
		reason,
		topic,
		detail
	};
}
/**
* Encodes an outbound message with the QoS and retain setting of its kind. The message is validated too, so a bug
* in a sender fails loudly at the sender instead of being dropped by every receiver.
*/
function encode(kind, topicName, message) {
	const spec = KINDS[kind];
	const checked = spec.schema.parse(message);
	const payload = utf8Encode(JSON.stringify(checked));
	if (payload.byteLength > spec.maxBytes) throw new RangeError(`${kind}: ${payload.byteLength} bytes exceeds the ${spec.maxBytes}-byte limit`);
	return {
		topic: topicName,
		payload,
		qos: spec.qos,
		retain: spec.retain
	};
}
/** Counts dropped messages by reason and keeps the most recent diagnostics in a bounded ring. */
var DropCounter = class {
	capacity;
	counts = Object.fromEntries(DROP_REASONS.map((r) => [r, 0]));
	ring = [];
	constructor(capacity = 50) {
		this.capacity = capacity;
	}
	add(dropped) {
		this.counts[dropped.reason]++;
		this.ring.push(dropped);
		if (this.ring.length > this.capacity) this.ring.shift();
	}
	get total() {
		return DROP_REASONS.reduce((sum, r) => sum + this.counts[r], 0);
	}
	recent() {
		return this.ring;
	}
};
// shared/protocol/acl.ts
const everyone = [
	{
		action: "subscribe",
		path: "user/{sub}/#",
		why: "replies and probes addressed to this user"
	},
	{
		action: "publish",
		path: "user/{sub}/ping/+",
		why: "round-trip probe to itself"
	},
	{
		action: "publish",
		path: "svc/+/req/{sub}",
		why: "requests to services, signed by the topic"
	}
];
[...[
	...everyone,
	{
		action: "subscribe",
		path: "directory/classes/{class}",
		why: "summaries of classes in scope"
	},
	{
		action: "subscribe",
		path: "class/{class}/presence/+",
		why: "who is in the class"
	},
	{
		action: "publish",
		path: "class/{class}/presence/{sub}",
		why: "own presence and last will"
	}
]], [...everyone];
// renderer/link/worker/backoff.ts
const DEFAULT_BACKOFF = {
	baseMs: 500,
	capMs: 15e3
};
/** The largest delay before reconnect attempt `attempt` (1-based): base doubled per attempt, never above the cap. */
function backoffCeiling(attempt, options = DEFAULT_BACKOFF) {
	const exponent = Math.min(Math.max(attempt - 1, 0), 30);
	return Math.min(options.capMs, options.baseMs * 2 ** exponent);
}
/**
* Exponential backoff with full jitter: a uniformly random delay between 0 and the ceiling, so that thousands of
* consoles cut off by the same broker restart do not all come back in the same instant.
*/
function backoffDelay(attempt, random, options = DEFAULT_BACKOFF) {
	return Math.floor(random() * backoffCeiling(attempt, options));
}
/**
* User actions waiting for the broker's acknowledgement. An item leaves only when its PUBACK arrives, so an action
* taken while offline, or in flight when the connection dropped, is sent again after the next connect.
*/
var Outbox = class {
	capacity;
	items = /* @__PURE__ */ new Map();
	constructor(capacity = 500) {
		this.capacity = capacity;
	}
	/** Queues an action; throws when the outbox is full, so the caller can tell the user instead of losing it. */
	add(id, action, queuedAt) {
		if (this.items.has(id)) throw new Error(`action ${id} is already queued`);
		if (this.items.size >= this.capacity) throw new RangeError(`${this.capacity} actions are already waiting to be sent`);
		const item = {
			id,
			action,
			queuedAt
		};
		this.items.set(id, item);
		return item;
	}
	/** Returns true when the item was still pending. */
	acknowledge(id) {
		return this.items.delete(id);
	}
	pending() {
		return [...this.items.values()];
	}
	get size() {
		return this.items.size;
	}
};
// renderer/link/worker/requests.ts
/**
* Requests waiting for a response on this session's reply topic. Each one settles exactly once: with the first
* response carrying its correlation id, or with a timeout. Anything arriving later is reported as late.
*/
var PendingRequests = class {
	pending = /* @__PURE__ */ new Map();
	start(id, timeoutMs, settle) {
		if (this.pending.has(id)) throw new Error(`request ${id} is already pending`);
		const timer = setTimeout(() => {
			this.finish(id, {
				ok: false,
				code: "timeout",
				message: `no response within ${timeoutMs} ms`
			});
		}, timeoutMs);
		this.pending.set(id, {
			timer,
			settle
		});
	}
	/** Settles the request a response answers; returns false when no request is waiting for it (late or unknown). */
	resolve(response) {
		const outcome = response.ok ? {
			ok: true,
			result: response.result
		} : {
			ok: false,
			code: "remote",
			message: `${response.error.code}: ${response.error.message}`
		};
		return this.finish(response.id, outcome);
	}
	fail(id, code, message) {
		return this.finish(id, {
			ok: false,
			code,
			message
		});
	}
	failAll(code, message) {
		for (const id of [...this.pending.keys()]) this.fail(id, code, message);
	}
	get size() {
		return this.pending.size;
	}
	finish(id, outcome) {
		const entry = this.pending.get(id);
		if (!entry) return false;
		this.pending.delete(id);
		clearTimeout(entry.timer);
		entry.settle(outcome);
		return true;
	}
};
// renderer/link/worker/core.ts
const DEFAULT_PING_INTERVAL_MS = 5e3;
const CONNECT_TIMEOUT_MS = 1e4;
const KEEPALIVE_SECONDS = 15;
/** Ask for a fresh token this long before expiry at most (or a fifth of its lifetime, when that is shorter). */
const REFRESH_LEAD_MS = 6e4;
/** How long a reconnect waits for a fresh token before trying with the one it has. */
const TOKEN_WAIT_MS = 5e3;
const MAX_NOTES_PER_BATCH = 100;
const MAX_TIMER_MS = 2 ** 31 - 1;
/** CONNACK codes that no retry can fix: MQTT 3.1.1 (1-5) and their MQTT 5 counterparts. */
const REFUSALS = {
	1: "rejected",
	2: "rejected",
	4: "credentials",
	5: "not-authorized",
	133: "rejected",
	134: "credentials",
	135: "not-authorized"
};
/**
* The console's connection to the broker, independent of where it runs. It owns one mqtt.js client at a time and
* its own reconnect schedule, keeps user actions until the broker acknowledges them, validates every inbound
* message, and hands the UI one coalesced batch per frame.
*/
var LinkCore = class {
	env;
	config = null;
	client = null;
	/** Bumped for every new mqtt.js client, so events of a client that was replaced are ignored. */
	generation = 0;
	status = {
		state: "idle",
		attempt: 0,
		rttMs: null,
		failure: null,
		detail: ""
	};
	connectedOnce = false;
	online = true;
	retryTimer;
	refreshTimer;
	tokenWaitTimer;
	pingTimer;
	tokenRequested = false;
	awaitingToken = false;
	outbox = new Outbox();
	requests = new PendingRequests();
	drops = new DropCounter(50);
	pingSeq = 0;
	pingsInFlight = /* @__PURE__ */ new Map();
	pendingSummaries = /* @__PURE__ */ new Map();
	pendingCleared = /* @__PURE__ */ new Set();
	pendingNotes = [];
	statusDirty = false;
	outboxDirty = false;
	dropsDirty = false;
	flushScheduled = false;
	constructor(env) {
		this.env = env;
	}
	handle(command) {
		switch (command.type) {
			case "connect":
				this.start(command.config);
				break;
			case "token":
				this.acceptToken(command.token, command.expiresAt);
				break;
			case "tokenUnavailable":
				this.note("warning", `token refresh failed: ${command.message}`);
				this.tokenRequested = false;
				if (this.awaitingToken) this.stopWaitingForToken();
				break;
			case "act":
				this.act(command.id, command.action);
				break;
			case "request":
				this.request(command.id, command.service, command.method, command.params, command.timeoutMs);
				break;
			case "online":
				this.setOnline(command.online);
				break;
			case "disconnect": this.stop();
		}
	}
	start(config) {
		if (this.config) this.teardown();
		this.config = { ...config };
		this.connectedOnce = false;
		this.scheduleRefresh();
		this.setStatus({
			state: "connecting",
			attempt: 0,
			failure: null,
			detail: ""
		});
		this.attempt();
	}
	/** Signs out: says goodbye (offline presence), ends the session and stops retrying. */
	stop() {
		const client = this.client;
		if (client?.connected) {
			const goodbye = this.presence(false);
			if (goodbye) client.publish(goodbye.topic, goodbye.payload, {
				qos: goodbye.qos,
				retain: goodbye.retain
			});
			client.end(false);
			this.client = null;
			this.generation++;
		}
		this.teardown();
		this.setStatus({
			state: "closed",
			attempt: 0,
			failure: null,
			detail: ""
		});
	}
	teardown() {
		this.generation++;
		this.client?.end(true);
		this.client = null;
		clearTimeout(this.retryTimer);
		clearTimeout(this.refreshTimer);
		clearTimeout(this.tokenWaitTimer);
		this.stopPing();
		this.awaitingToken = false;
		this.tokenRequested = false;
		this.requests.failAll("disconnected", "the connection was closed");
	}
	setOnline(online) {
		if (this.online === online) return;
		this.online = online;
		const state = this.status.state;
		if (!online && (state === "reconnecting" || state === "connecting")) {
			clearTimeout(this.retryTimer);
			this.setStatus({
				state: "offline",
				detail: "the network is offline"
			});
		} else if (online && state === "offline") {
			clearTimeout(this.retryTimer);
			this.attempt();
		}
	}
	/** Starts a connection attempt now, after a fresh token when the current one is about to expire. */
	attempt() {
		if (!this.config) return;
		if (!this.online) {
			this.setStatus({
				state: "offline",
				detail: "the network is offline"
			});
			return;
		}
		if (this.tokenExpiresWithin(5e3)) {
			this.awaitingToken = true;
			this.requestToken();
			this.tokenWaitTimer = setTimeout(() => this.stopWaitingForToken(), TOKEN_WAIT_MS);
			return;
		}
		this.open(this.config);
	}
	stopWaitingForToken() {
		clearTimeout(this.tokenWaitTimer);
		this.awaitingToken = false;
		if (this.config && !this.client) this.open(this.config);
	}
	open(config) {
		const generation = ++this.generation;
		const will = this.presence(false);
		const options = {
			clientId: `console-${config.userId}-${config.installId}`,
			username: config.userId,
			password: config.token,
			clean: false,
			protocolVersion: 4,
			reconnectPeriod: 0,
			connectTimeout: CONNECT_TIMEOUT_MS,
			keepalive: KEEPALIVE_SECONDS,
			resubscribe: false,
			queueQoSZero: false,
			...will ? { will: {
				topic: will.topic,
				payload: will.payload,
				qos: will.qos,
				retain: will.retain
			} } : {}
		};
		const client = mqtt_esm_default.connect(config.url, options);
		this.client = client;
		const current = () => generation === this.generation;
		client.on("connect", () => current() && this.onConnected(client, generation));
		client.on("message", (name, payload) => current() && this.onMessage(name, payload));
		client.on("error", (error) => current() && this.onError(error));
		client.on("close", () => current() && this.onClosed());
	}
	onConnected(client, generation) {
		this.connectedOnce = true;
		clearTimeout(this.retryTimer);
		client.subscribe(this.filters(), { qos: 1 }, (error, granted) => {
			if (generation !== this.generation) return;
			if (error) {
				this.note("error", `subscribe failed: ${error.message}`);
				return;
			}
			for (const grant of granted ?? []) if (grant.qos === 128) this.note("warning", `the broker refused the subscription ${grant.topic}`);
			this.setStatus({
				state: "connected",
				attempt: 0,
				failure: null,
				detail: ""
			});
			const hello = this.presence(true);
			if (hello) client.publish(hello.topic, hello.payload, {
				qos: hello.qos,
				retain: hello.retain
			});
			for (const item of this.outbox.pending()) this.publishAction(client, item);
			this.startPing(client);
		});
	}
	onError(error) {
		const code = error.code;
		const refusal = typeof code === "number" ? REFUSALS[code] : void 0;
		if (!refusal) {
			this.setStatus({ detail: error.message });
			this.note("warning", error.message);
			return;
		}
		let failure = refusal === "not-authorized" ? "not-authorized" : "broker-refused";
		if (refusal === "credentials" && this.tokenExpiresWithin(0)) failure = "token-expired";
		this.teardown();
		this.note("error", `the broker refused the connection: ${error.message}`);
		this.setStatus({
			state: "refused",
			attempt: 0,
			failure,
			detail: error.message
		});
	}
	onClosed() {
		this.client?.end(true);
		this.client = null;
		this.generation++;
		this.stopPing();
		if (!this.connectedOnce) {
			this.teardown();
			this.setStatus({
				state: "unreachable",
				attempt: 0,
				failure: "backend-unreachable",
				detail: this.status.detail || "the connection closed before the broker answered"
			});
			return;
		}
		this.scheduleRetry();
	}
	scheduleRetry() {
		if (!this.online) {
			this.setStatus({
				state: "offline",
				detail: "the network is offline"
			});
			return;
		}
		const attempt = this.status.state === "reconnecting" ? this.status.attempt + 1 : 1;
		const delay = backoffDelay(attempt, () => this.env.random(), {
			...DEFAULT_BACKOFF,
			...this.config?.backoff
		});
		this.setStatus({
			state: "reconnecting",
			attempt
		});
		clearTimeout(this.retryTimer);
		this.retryTimer = setTimeout(() => this.attempt(), delay);
	}
	tokenExpiresWithin(ms) {
		const expiresAt = this.config?.tokenExpiresAt;
		return expiresAt != null && Date.now() + ms >= expiresAt;
	}
	scheduleRefresh() {
		clearTimeout(this.refreshTimer);
		const expiresAt = this.config?.tokenExpiresAt;
		if (expiresAt == null) return;
		const lifetime = expiresAt - Date.now();
		const lead = Math.min(REFRESH_LEAD_MS, Math.max(1e3, lifetime / 5));
		const wait = Math.min(MAX_TIMER_MS, Math.max(0, lifetime - lead));
		this.refreshTimer = setTimeout(() => this.requestToken(), wait);
	}
	requestToken() {
		if (this.tokenRequested) return;
		this.tokenRequested = true;
		this.env.post({ type: "needToken" });
	}
	/** A fresh token is used from the next connect on; the current connection stays as it is. */
	acceptToken(token, expiresAt) {
		if (!this.config) return;
		this.config.token = token;
		this.config.tokenExpiresAt = expiresAt;
		this.tokenRequested = false;
		this.scheduleRefresh();
		if (this.awaitingToken) this.stopWaitingForToken();
	}
	act(id, action) {
		let item;
		try {
			item = this.outbox.add(id, action, Date.now());
		} catch (error) {
			this.env.post({
				type: "actionRejected",
				id,
				message: error.message
			});
			return;
		}
		this.outboxDirty = true;
		this.schedule();
		if (this.client?.connected && this.status.state === "connected") this.publishAction(this.client, item);
	}
	publishAction(client, item) {
		const config = this.config;
		if (!config) return;
		let outbound;
		try {
			const { classId, action } = item.action;
			outbound = encode("classControl", topic("classControl", {
				classId,
				userId: config.userId
			}, this.root), {
				v: 1,
				action,
				requestId: item.id,
				ts: Date.now()
			});
		} catch (error) {
			this.outbox.acknowledge(item.id);
			this.outboxDirty = true;
			this.env.post({
				type: "actionRejected",
				id: item.id,
				message: error.message
			});
			return;
		}
		client.publish(outbound.topic, outbound.payload, {
			qos: outbound.qos,
			retain: outbound.retain
		}, (error) => {
			if (error) return;
			if (this.outbox.acknowledge(item.id)) {
				this.outboxDirty = true;
				this.schedule();
			}
		});
	}
	request(id, service, method, params, timeoutMs) {
		const settle = (outcome) => this.env.post({
			type: "settled",
			id,
			outcome
		});
		const config = this.config;
		const client = this.client;
		if (!config || !client?.connected) {
			settle({
				ok: false,
				code: "disconnected",
				message: "not connected to the broker"
			});
			return;
		}
		let outbound;
		try {
			outbound = encode("serviceRequest", topic("serviceRequest", {
				service,
				userId: config.userId
			}, this.root), {
				v: 1,
				id,
				method,
				replyTo: this.sessionId,
				params,
				deadline: Date.now() + timeoutMs
			});
		} catch (error) {
			settle({
				ok: false,
				code: "invalid-request",
				message: error.message
			});
			return;
		}
		this.requests.start(id, timeoutMs, settle);
		client.publish(outbound.topic, outbound.payload, { qos: outbound.qos }, (error) => {
			if (error) this.requests.fail(id, "disconnected", `the request was not sent: ${error.message}`);
		});
	}
	presence(online) {
		const config = this.config;
		if (!config || config.role !== "teacher" && config.role !== "student") return null;
		const classId = Array.isArray(config.classes) ? config.classes[0] : void 0;
		if (!classId) return null;
		return encode("presence", topic("presence", {
			classId,
			userId: config.userId
		}, this.root), {
			v: 1,
			userId: config.userId,
			name: config.name,
			role: config.role,
			online,
			ts: Date.now()
		});
	}
	startPing(client) {
		this.stopPing();
		const send = () => {
			if (!client.connected || !this.config) return;
			const seq = ++this.pingSeq;
			this.pingsInFlight.set(seq, this.env.now());
			if (this.pingsInFlight.size > 8) this.pingsInFlight.delete(this.pingsInFlight.keys().next().value);
			const outbound = encode("ping", topic("ping", {
				userId: this.config.userId,
				sessionId: this.sessionId
			}, this.root), {
				v: 1,
				seq,
				sentAt: Date.now()
			});
			client.publish(outbound.topic, outbound.payload, { qos: outbound.qos });
		};
		send();
		this.pingTimer = setInterval(send, this.config?.pingIntervalMs ?? DEFAULT_PING_INTERVAL_MS);
	}
	stopPing() {
		clearInterval(this.pingTimer);
		this.pingTimer = void 0;
		this.pingsInFlight.clear();
	}
	onMessage(name, payload) {
		const decoded = decode(name, payload, this.root);
		if (!decoded.ok) {
			this.drops.add(decoded);
			this.dropsDirty = true;
			this.schedule();
			return;
		}
		switch (decoded.kind) {
			case "cleared":
				if (decoded.parsed.kind === "classSummary") {
					const classId = decoded.parsed.params.classId;
					this.pendingSummaries.delete(classId);
					this.pendingCleared.add(classId);
					this.schedule();
				}
				break;
			case "classSummary":
				if (decoded.message.id !== decoded.params.classId) {
					this.drops.add({
						ok: false,
						reason: "schema",
						topic: name,
						detail: `summary of ${decoded.message.id} on another class's topic`
					});
					this.dropsDirty = true;
				} else {
					this.pendingCleared.delete(decoded.message.id);
					this.pendingSummaries.set(decoded.message.id, decoded.message);
				}
				this.schedule();
				break;
			case "reply":
				this.onReply(decoded.params.sessionId, decoded.message);
				break;
			case "ping": this.onPing(decoded.params.sessionId, decoded.message);
		}
	}
	onReply(sessionId, response) {
		if (sessionId !== this.sessionId) return;
		if (!this.requests.resolve(response)) this.note("info", `ignored a reply to request ${response.id}: it was already settled`);
	}
	onPing(sessionId, ping) {
		if (sessionId !== this.sessionId) return;
		const sentAt = this.pingsInFlight.get(ping.seq);
		if (sentAt === void 0) return;
		this.pingsInFlight.delete(ping.seq);
		this.setStatus({ rttMs: Math.max(0, Math.round(this.env.now() - sentAt)) });
	}
	setStatus(patch) {
		this.status = {
			...this.status,
			...patch
		};
		if (patch.state && patch.state !== "connected") this.status.rttMs = null;
		this.statusDirty = true;
		this.schedule();
	}
	note(level, text) {
		this.pendingNotes.push({
			at: Date.now(),
			level,
			text
		});
		if (this.pendingNotes.length > MAX_NOTES_PER_BATCH) this.pendingNotes.shift();
		this.schedule();
	}
	schedule() {
		if (this.flushScheduled) return;
		this.flushScheduled = true;
		this.env.requestFrame(() => this.flush());
	}
	flush() {
		this.flushScheduled = false;
		const batch = {
			summaries: [...this.pendingSummaries.values()],
			cleared: [...this.pendingCleared]
		};
		this.pendingSummaries.clear();
		this.pendingCleared.clear();
		if (this.statusDirty) batch.status = { ...this.status };
		if (this.outboxDirty) batch.outbox = this.outbox.pending();
		if (this.dropsDirty) batch.drops = {
			counts: { ...this.drops.counts },
			total: this.drops.total,
			recent: this.drops.recent().map(({ reason, topic: name, detail }) => ({
				reason,
				topic: name,
				detail
			}))
		};
		if (this.pendingNotes.length > 0) batch.notes = this.pendingNotes;
		this.pendingNotes = [];
		this.statusDirty = this.outboxDirty = this.dropsDirty = false;
		this.env.post({
			type: "batch",
			batch
		});
	}
	get root() {
		return this.config?.root ?? "classroom";
	}
	/** The reply and ping topics of this console's session. Stable per installation, like the MQTT client id. */
	get sessionId() {
		return this.config?.installId ?? "none";
	}
	filters() {
		const config = this.config;
		if (!config) return [];
		const root = this.root;
		return [
			...Array.isArray(config.classes) && config.role !== "supervisor" ? config.classes.map((classId) => topic("classSummary", { classId }, root)) : [filter("classSummary", {}, root)],
			topic("reply", {
				userId: config.userId,
				sessionId: this.sessionId
			}, root),
			topic("ping", {
				userId: config.userId,
				sessionId: this.sessionId
			}, root)
		];
	}
};
// renderer/link/worker/link.worker.ts
/** Longest wait for a frame: rAF does not fire while the page is hidden, and status must still move on. */
const FRAME_FALLBACK_MS = 100;
function requestFrame(callback) {
	let done = false;
	const run = () => {
		if (done) return;
		done = true;
		callback();
	};
	if (typeof self.requestAnimationFrame === "function") {
		self.requestAnimationFrame(run);
		setTimeout(run, FRAME_FALLBACK_MS);
	} else setTimeout(run, 16);
}
const core = new LinkCore({
	post: (event) => self.postMessage(event),
	requestFrame,
	now: () => performance.now(),
	random: () => Math.random()
});
self.addEventListener("message", (event) => core.handle(event.data));
self.addEventListener("online", () => core.handle({
	type: "online",
	online: true
}));
self.addEventListener("offline", () => core.handle({
	type: "online",
	online: false
}));
if (!self.navigator.onLine) core.handle({
	type: "online",
	online: false
});
