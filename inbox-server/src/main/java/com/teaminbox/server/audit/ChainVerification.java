package com.teaminbox.server.audit;

/**
 * The result of walking the audit chain.
 *
 * @param intact          true when every entry's hash matches its content and its predecessor
 * @param entriesChecked  how many entries were walked (up to and including the first broken one)
 * @param firstBrokenId   the id of the first entry that does not verify, or null
 * @param problem         what is wrong with it, or null
 */
public record ChainVerification(boolean intact, long entriesChecked, Long firstBrokenId, String problem) {
}
