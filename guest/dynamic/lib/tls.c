/* libtls.so: initialised and zeroed thread-local variables in a library loaded at start-up. */
__thread long tls_counter = 1000;
__thread char tls_buffer[64];

long tls_bump(long by) {
    tls_counter += by;
    return tls_counter;
}

char *tls_text(void) { return tls_buffer; }
