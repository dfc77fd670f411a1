import { SignJWT, generateKeyPair } from 'jose';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '../../shared/auth/claims';
import { expect, test } from '../fixtures';
import { ClassListPage } from '../pages/ClassListPage';
import { ConnectPage } from '../pages/ConnectPage';

const teacher1 = { sub: 'teacher1', name: 'Teacher One', role: 'teacher', classes: ['class-0001'] } as const;

/** A well-formed token for teacher1 that this backend never issued: signed with a key of our own. */
async function tokenFromAnotherKey(): Promise<string> {
  const { privateKey } = await generateKeyPair('ES256');
  return new SignJWT({ name: teacher1.name, role: teacher1.role, classes: [...teacher1.classes] })
    .setProtectedHeader({ alg: 'ES256', typ: 'JWT' })
    .setSubject(teacher1.sub)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(privateKey);
}

test.describe('the connect screen says why a sign-in failed, and nothing else happens', () => {
  let connect: ConnectPage;
  let classes: ClassListPage;

  test.beforeEach(async ({ page, consoleUrl }) => {
    connect = new ConnectPage(page);
    classes = new ClassListPage(page);
    await connect.open(consoleUrl);
  });

  test.afterEach(async () => {
    await expect(connect.screen).toBeVisible();
    await expect(classes.screen).toHaveCount(0);
  });

  test('wrong password', async () => {
    await connect.signInWithPassword('teacher1', 'not-the-password');
    expect(await connect.failure()).toBe('wrong-password');
    await expect(connect.error).toContainText('Wrong password');
  });

  test('unknown user', async () => {
    await connect.signInWithPassword('nobody-here', 'demo');
    expect(await connect.failure()).toBe('unknown-user');
    await expect(connect.error).toContainText('no user with that name');
  });

  test('an expired token', async ({ server }) => {
    const expired = await server.internals.tokens.sign({ ...teacher1, classes: [...teacher1.classes] }, -120);
    await connect.signInWithToken(expired.token);
    expect(await connect.failure()).toBe('token-expired');
    await expect(connect.error).toContainText('expired');
  });

  test('a token signed with another key', async () => {
    await connect.signInWithToken(await tokenFromAnotherKey());
    expect(await connect.failure()).toBe('token-bad-signature');
    await expect(connect.error).toContainText('key this backend does not trust');
  });

  test('something that is not a token', async () => {
    await connect.signInWithToken('hello, I am not a token');
    expect(await connect.failure()).toBe('token-malformed');
  });

  test('a remote broker that refuses the password', async ({ server }) => {
    await connect.signInRemote(server.backend.wsUrl, 'teacher1', 'not-a-valid-token');
    expect(await connect.failure()).toBe('broker-refused');
    await expect(connect.error).toContainText('refused these credentials');
  });

  test('a remote broker that cannot be reached', async () => {
    await connect.signInRemote('ws://127.0.0.1:9/mqtt', 'teacher1', 'whatever');
    expect(await connect.failure()).toBe('backend-unreachable');
  });
});

test('a token checked by the backend signs in, also against the broker directly (remote mode)', async ({ page, consoleUrl, server }) => {
  const issued = await server.backend.issueToken('supervisor1', 'demo');
  if (!issued.ok) throw new Error(issued.message);
  const connect = new ConnectPage(page);
  const classes = new ClassListPage(page);

  await connect.open(consoleUrl);
  await connect.signInWithToken(issued.token.token);
  await classes.waitForClasses(50);
  await page.getByTestId('sign-out').click();

  await connect.signInRemote(server.backend.wsUrl, 'supervisor1', issued.token.token);
  await classes.waitForClasses(50);
  await expect(page.getByTestId('user-role')).toHaveText('Supervisor');
});
