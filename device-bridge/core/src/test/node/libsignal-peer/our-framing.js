'use strict';
// Team Inbox frames Signal messages in its own fixed-width layout instead of Signal's protobuf
// (docs/protocol.md, "Signal message formats"). This module is that layout written a second time,
// from the document and not from the Java code, and swapped in for libsignal's two protobuf
// codecs. Everything else stays libsignal's: X3DH, the ratchet, AES-CBC, the MAC (libsignal
// computes it over version byte ‖ these bytes, exactly as we do), the version bytes.
//
// SignalMessage body       := ratchetKey(33) counter(4) previousCounter(4) length(4) ciphertext
// PreKeySignalMessage body := registrationId(4) flags(1) [preKeyId(4)] signedPreKeyId(4)
//                             baseKey(33) identityKey(33) length(4) SignalMessage
// (libsignal itself writes the leading version byte and, for SignalMessage, the trailing 8-byte MAC.)

const protobufs = require('libsignal/src/protobufs');

const KEY_LENGTH = 33;

class Reader {
    constructor(bytes) {
        this.bytes = Buffer.from(bytes);
        this.at = 0;
    }
    take(length) {
        if (length > this.bytes.length - this.at) {
            throw new Error(`truncated: need ${length} bytes at ${this.at}`);
        }
        const out = this.bytes.subarray(this.at, this.at + length);
        this.at += length;
        return Buffer.from(out);
    }
    u8() {
        return this.take(1)[0];
    }
    u32() {
        return this.take(4).readUInt32BE(0);
    }
    key() {
        const key = this.take(KEY_LENGTH);
        if (key[0] !== 0x05) {
            throw new Error(`unknown key type ${key[0]}`);
        }
        return key;
    }
    blob() {
        return this.take(this.u32());
    }
    end() {
        if (this.at !== this.bytes.length) {
            throw new Error(`${this.bytes.length - this.at} trailing bytes`);
        }
    }
}

function u32(value) {
    const out = Buffer.alloc(4);
    out.writeUInt32BE(value, 0);
    return out;
}

function key(value) {
    const bytes = Buffer.from(value);
    if (bytes.length !== KEY_LENGTH || bytes[0] !== 0x05) {
        throw new Error('keys travel in their 33-byte 0x05-prefixed form');
    }
    return bytes;
}

function blob(value) {
    return Buffer.concat([u32(value.length), Buffer.from(value)]);
}

// A codec with the three calls libsignal's session cipher makes: create, encode(..).finish(), decode.
function codec(encode, decode) {
    return {
        create: (fields) => Object.assign({}, fields),
        encode: (message) => ({ finish: () => encode(message) }),
        decode,
    };
}

const signalMessage = codec(
    (m) => Buffer.concat([
        key(m.ephemeralKey),
        u32(m.counter),
        // libsignal-node leaves -1 here when its previous sending chain sent nothing;
        // Signal's Java library (and ours) write 0 for that case.
        u32(Math.max(m.previousCounter, 0)),
        blob(m.ciphertext),
    ]),
    (bytes) => {
        const r = new Reader(bytes);
        const m = { ephemeralKey: r.key(), counter: r.u32(), previousCounter: r.u32(), ciphertext: r.blob() };
        r.end();
        return m;
    });

const preKeySignalMessage = codec(
    (m) => {
        const hasPreKey = m.preKeyId !== undefined && m.preKeyId !== null;
        return Buffer.concat([
            u32(m.registrationId),
            Buffer.from([hasPreKey ? 1 : 0]),
            hasPreKey ? u32(m.preKeyId) : Buffer.alloc(0),
            u32(m.signedPreKeyId),
            key(m.baseKey),
            key(m.identityKey),
            blob(m.message),
        ]);
    },
    (bytes) => {
        const r = new Reader(bytes);
        const m = { registrationId: r.u32() };
        const flags = r.u8();
        if (flags > 1) {
            throw new Error(`flags must be 0 or 1, were ${flags}`);
        }
        if (flags === 1) {
            m.preKeyId = r.u32();
        }
        m.signedPreKeyId = r.u32();
        m.baseKey = r.key();
        m.identityKey = r.key();
        m.message = r.blob();
        r.end();
        return m;
    });

/** Keeps libsignal's own protobuf codecs, for showing what its native framing looks like. */
const native = {
    WhisperMessage: protobufs.WhisperMessage,
    PreKeyWhisperMessage: protobufs.PreKeyWhisperMessage,
};

function install() {
    protobufs.WhisperMessage = signalMessage;
    protobufs.PreKeyWhisperMessage = preKeySignalMessage;
}

function uninstall() {
    protobufs.WhisperMessage = native.WhisperMessage;
    protobufs.PreKeyWhisperMessage = native.PreKeyWhisperMessage;
}

module.exports = { install, uninstall };
