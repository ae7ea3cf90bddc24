// PINs are stored as scrypt hashes with a per-operator salt. The format carries its parameters so
// the cost can be raised later without invalidating existing PINs.
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

function scrypt(pin: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCb(pin, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

const KEYLEN = 32;

function options(logN: number, r: number, p: number): ScryptOptions {
  return { N: 2 ** logN, r, p, maxmem: 256 * 2 ** logN * r };
}

export async function hashPin(pin: string, logN = 15): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(pin, salt, KEYLEN, options(logN, 8, 1));
  return ['scrypt', logN, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const [scheme, logN, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !logN || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scrypt(pin, Buffer.from(salt, 'base64'), expected.length, options(Number(logN), Number(r), Number(p)));
  return key.length === expected.length && timingSafeEqual(key, expected);
}

let dummy: Promise<string> | null = null;
/** Spends the same time as a real check, so an unknown name cannot be told from a wrong PIN. */
export async function burnPinCheck(pin: string, logN = 15): Promise<void> {
  dummy ??= hashPin('000000-dummy', logN);
  await verifyPin(pin, await dummy);
}
