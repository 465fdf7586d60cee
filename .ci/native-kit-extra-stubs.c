/*
 * Two C helpers that GraalVM 25 images reference and the native-kit's stand-in stubs do not define yet. Linked only
 * into test binaries built with ../shared/native-kit (never into a real GraalVM/Mandrel build): "no container limit"
 * and "thread CPU time unknown".
 */
long svm_container_memory_limit_in_bytes(void) { return -1; }
long getThreadUserTimeSlow(int tid) { (void) tid; return -1; }
