/**
 * JMH benchmarks of the bridge's hot paths. One class per concern; each keeps its setup in a
 * {@code @State} so that only the operation under test is measured.
 */
package com.teaminbox.bridge.benchmarks;
