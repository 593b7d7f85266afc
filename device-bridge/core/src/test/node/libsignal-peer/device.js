'use strict';
// One libsignal device with in-memory stores, talking to one remote device ("java.1").

const nodeCrypto = require('crypto');
const libsignal = require('libsignal');

const REMOTE = new libsignal.ProtocolAddress('java', 1);
const PKCS8_X25519 = Buffer.from('302e020100300506032b656e04220420', 'hex');

/** A key pair in libsignal's shape (33-byte public key) from a 32-byte private key. */
function keyPairOf(privKey) {
    const priv = nodeCrypto.createPrivateKey({ key: Buffer.concat([PKCS8_X25519, privKey]), format: 'der', type: 'pkcs8' });
    const spki = nodeCrypto.createPublicKey(priv).export({ format: 'der', type: 'spki' });
    return { privKey: Buffer.from(privKey), pubKey: Buffer.concat([Buffer.from([5]), spki.subarray(spki.length - 32)]) };
}

// The network's padding (docs: 1 to 15 bytes, each equal to the count); it is not libsignal's
// concern, so WhatsApp-Web clients add it around libsignal, as this does.
function pad(plaintext, length) {
    const n = length === undefined ? 1 + nodeCrypto.randomInt(15) : length;
    return Buffer.concat([plaintext, Buffer.alloc(n, n)]);
}

function unpad(padded) {
    const n = padded[padded.length - 1];
    if (n < 1 || n > 15 || n > padded.length || !padded.subarray(padded.length - n).every((b) => b === n)) {
        throw new Error('bad padding');
    }
    return padded.subarray(0, padded.length - n);
}

class Device {
    /** keys: { identity, registrationId, signedPreKey: {keyId, keyPair, signature}, preKeys: [{keyId, keyPair}] } */
    constructor(keys) {
        this.keys = keys;
        this.preKeys = new Map(keys.preKeys.map((k) => [k.keyId, k.keyPair]));
        this.sessions = new Map();
        const self = this;
        this.storage = {
            getOurIdentity: async () => keys.identity,
            getOurRegistrationId: async () => keys.registrationId,
            isTrustedIdentity: async () => true,
            loadSession: async (id) => self.sessions.get(id),
            storeSession: async (id, record) => { self.sessions.set(id, record); },
            loadPreKey: async (id) => self.preKeys.get(id),
            removePreKey: async (id) => { self.preKeys.delete(id); },
            loadSignedPreKey: async (id) => (id === keys.signedPreKey.keyId ? keys.signedPreKey.keyPair : undefined),
        };
        this.cipher = new libsignal.SessionCipher(this.storage, REMOTE);
    }

    static generate() {
        const identity = libsignal.keyhelper.generateIdentityKeyPair();
        return new Device({
            identity,
            registrationId: libsignal.keyhelper.generateRegistrationId() || 1,
            signedPreKey: libsignal.keyhelper.generateSignedPreKey(identity, 7),
            preKeys: [libsignal.keyhelper.generatePreKey(31)],
        });
    }

    bundle() {
        const { registrationId, identity, signedPreKey, preKeys } = this.keys;
        return {
            registrationId,
            identityKey: identity.pubKey,
            signedPreKey: { keyId: signedPreKey.keyId, publicKey: signedPreKey.keyPair.pubKey, signature: signedPreKey.signature },
            preKey: preKeys.length ? { keyId: preKeys[0].keyId, publicKey: preKeys[0].keyPair.pubKey } : undefined,
        };
    }

    async startSession(bundle) {
        await new libsignal.SessionBuilder(this.storage, REMOTE).initOutgoing(bundle);
    }

    /** Returns our transport's type numbers: 3 for a prekey message, 2 (libsignal-node says 1) for a normal one. */
    async encrypt(plaintext, padLength) {
        const { type, body } = await this.cipher.encrypt(pad(plaintext, padLength));
        return { type: type === 3 ? 3 : 2, body };
    }

    async decrypt(type, body) {
        const padded = type === 3
            ? await this.cipher.decryptPreKeyWhisperMessage(body)
            : await this.cipher.decryptWhisperMessage(body);
        return unpad(padded);
    }
}

module.exports = { Device, keyPairOf };
