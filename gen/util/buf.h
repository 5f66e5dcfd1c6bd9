/*
 * buf.h — a growable byte buffer (heap, caller frees with buf_free); back ends render
 * whole files into one before they are written.
 */
#ifndef PRONGSAI_BUF_H
#define PRONGSAI_BUF_H

#include <stddef.h>

typedef struct buf {
	char *data;
	size_t len, cap;
} buf;

void buf_put(buf *b, const void *data, size_t len);
void buf_puts(buf *b, const char *s);
void buf_putc(buf *b, char c);
void buf_printf(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_free(buf *b);

#endif
