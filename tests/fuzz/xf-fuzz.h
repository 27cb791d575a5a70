/* xf-fuzz.h — what every fuzz harness of tests/fuzz/ shares
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

G_BEGIN_DECLS

/*
 * Each harness defines the two libFuzzer entry points. With -Dfuzzing=true
 * (clang) it links with -fsanitize=fuzzer and libFuzzer calls them; in
 * every other build it links with xf-fuzz-replay.c, which feeds it each
 * file of its corpus and regression folders once, as a test.
 *
 * A harness asserts what the parser's header promises (an error of the
 * right domain, valid UTF-8 out, the documented limits): a broken promise
 * aborts, and the fuzzer keeps the input as a crash.
 */
int  LLVMFuzzerInitialize   (int            *argc,
                             char         ***argv);
int  LLVMFuzzerTestOneInput (const uint8_t  *data,
                             size_t          size);

/* Once per process: the shipped data files, a fixed "today"
 * (XF_FUZZ_TODAY unless $XIANFENG_TODAY is set), warnings and criticals
 * fatal (a parser must not warn about what it is given). */
#define XF_FUZZ_TODAY "2026-03-09"
void xf_fuzz_setup          (void);

/* Aborts unless @error is set, in XF_ERROR, with a code that is one of
 * the @n_codes given, and a UTF-8 message. */
void xf_fuzz_assert_error   (const GError   *error,
                             const int      *codes,
                             guint           n_codes);

G_END_DECLS
