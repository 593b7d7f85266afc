package com.teaminbox.sandbox.queue;

/** One stanza waiting for a device, by its delivery id; {@code encoded} is the StanzaCodec form. */
public record QueuedDelivery(String id, byte[] encoded) {

    public QueuedDelivery {
        encoded = encoded.clone();
    }

    @Override
    public byte[] encoded() {
        return encoded.clone();
    }

    @Override
    public String toString() {
        return "QueuedDelivery[" + id + ", " + encoded.length + " bytes]";
    }
}
