import { eq } from 'drizzle-orm';
import { ConfigError, loadConfig } from '../../config.js';
import { openConfiguredDatabase } from '../../db/open-configured.js';
import { DataFolderLockedError } from '../../db/data-folder-lock.js';
import { MigrationChangedError } from '../../db/migrations.js';
import { users } from '../../db/schema/index.js';
import { setPublicUrl } from '../mail/public-url.js';
import { sendReset } from './invite-user.js';

/**
 * npm run admin:reset-password -- <email>
 *
 * For the operator who lost the last HQ password (or anyone's): prints a one-time reset link for the
 * account (valid one hour, single use; audited as sent by the operator, no mail). Opens the database as
 * the server does; the embedded database's folder lock refuses this while the server has it open.
 * Exit 0 with the link; 1 with one sentence saying why not (unknown address, deactivated account, locked
 * folder); 2 without an address.
 */
const email = process.argv[2]?.trim().toLowerCase();
if (!email) {
  console.error('usage: npm run admin:reset-password -- <email>');
  process.exit(2);
}
let database;
try {
  const config = loadConfig();
  setPublicUrl(config.publicUrl);
  database = await openConfiguredDatabase(config);
  const db = database.db;
  const link = await db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.email, email));
    if (!user) return { refused: `no account has the e-mail address ${email}` };
    if (!user.active) return { refused: `the account ${email} is deactivated; reactivate it first (another HQ account can, in Users)` };
    return { link: await sendReset(tx, user, null, 'operator', false) };
  });
  if ('refused' in link) {
    console.error(`Reset refused: ${link.refused}.`);
    process.exitCode = 1;
  } else {
    console.log(`One-time password reset link for ${email} (valid 1 hour, single use):`);
    console.log(link.link);
  }
} catch (e) {
  if (!(e instanceof DataFolderLockedError || e instanceof ConfigError || e instanceof MigrationChangedError)) throw e;
  console.error(`Reset refused. ${e.message}`);
  if (e instanceof DataFolderLockedError) console.error('The embedded database is open in the running server: stop the server, run this command, then start the server again.');
  process.exitCode = 1;
} finally {
  await database?.close();
}
