// `npm run hash-key -- <access key>`: prints the hash to put in a merchants file.
import { hashAccessKey } from './access-key.js';

const key = process.argv[2];
if (!key) {
  console.error('usage: npm run hash-key -- <access key>');
  process.exit(2);
}
console.log(await hashAccessKey(key));
