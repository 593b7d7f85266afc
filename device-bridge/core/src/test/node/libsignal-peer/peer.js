'use strict';
// The libsignal side of LibsignalInteropTest: one libsignal device, driven over stdin/stdout one
// line per request. Requests and answers are words; bytes travel as hex, "-" means absent.
//
//   bundle                                  -> ok regId identity spkId spk signature preKeyId preKey
//   start-session regId identity spkId spk signature preKeyId preKey  -> ok
//   encrypt plaintext                       -> ok type body
//   decrypt type body                       -> ok plaintext
//   sign privateKey message                 -> ok signature       (curve25519-js, as libsignal signs)
//   verify publicKey message signature      -> ok true|false      (curve25519-js, as libsignal verifies)
// Any failure answers "error <message>".

const readline = require('readline');
const libsignal = require('libsignal');
const framing = require('./our-framing');
const { Device } = require('./device');

// stdout carries answers only; libsignal's own logging goes to stderr.
console.log = console.info = console.debug = console.error;
framing.install();

const device = Device.generate();
const hex = (bytes) => Buffer.from(bytes).toString('hex');
const bytes = (word) => Buffer.from(word, 'hex');

const requests = {
    bundle: async () => {
        const b = device.bundle();
        return [b.registrationId, hex(b.identityKey), b.signedPreKey.keyId, hex(b.signedPreKey.publicKey),
            hex(b.signedPreKey.signature), b.preKey.keyId, hex(b.preKey.publicKey)];
    },
    'start-session': async ([regId, identity, spkId, spk, signature, preKeyId, preKey]) => {
        await device.startSession({
            registrationId: Number(regId),
            identityKey: bytes(identity),
            signedPreKey: { keyId: Number(spkId), publicKey: bytes(spk), signature: bytes(signature) },
            preKey: preKeyId === '-' ? undefined : { keyId: Number(preKeyId), publicKey: bytes(preKey) },
        });
        return [];
    },
    encrypt: async ([plaintext]) => {
        const { type, body } = await device.encrypt(bytes(plaintext));
        return [type, hex(body)];
    },
    decrypt: async ([type, body]) => [hex(await device.decrypt(Number(type), bytes(body)))],
    sign: async ([priv, message]) => [hex(libsignal.curve.calculateSignature(bytes(priv), bytes(message)))],
    verify: async ([pub, message, signature]) =>
        [String(libsignal.curve.verifySignature(bytes(pub), bytes(message), bytes(signature)))],
};

const lines = readline.createInterface({ input: process.stdin });
let queue = Promise.resolve();
lines.on('line', (line) => {
    queue = queue.then(async () => {
        const [name, ...args] = line.trim().split(/\s+/);
        try {
            const handler = requests[name];
            if (!handler) {
                throw new Error(`unknown request ${name}`);
            }
            process.stdout.write(['ok', ...(await handler(args))].join(' ') + '\n');
        } catch (e) {
            process.stdout.write(`error ${String(e && e.message || e).replace(/\s+/g, ' ')}\n`);
        }
    });
});
