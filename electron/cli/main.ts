/** The `lantern` command's entry (bin/lantern.mjs loads it built, or through tsx). */
import { runCli } from './run-cli';

const code = await runCli(process.argv.slice(2));
// Undici keeps sockets and the history store timers; the run is over, so end here.
process.stdout.write('', () => process.exit(code));
