/* The csmith run-time support ("csmith.h", platform_generic.h and
   safe_math.h), written for cpc: Debian's csmith package ships the
   generator without its headers.

   Programs rewritten by tools/fuzz/csmith2cpc.py include this instead of
   "csmith.h".  With the plugin (__CPC__) the safe arithmetic helpers are
   coroutine_fn and every CSM_PERIOD-th call suspends, so that every
   arithmetic operation in a csmith function is a suspension point inside
   an expression; as plain C (against testsuite/lib/plain/cpc.h) they are
   ordinary functions and the suspension is a no-op.  With -DCSM_NO_CPC
   there is no <cpc.h> at all (the no-op check, tools/fuzz/noop.py).

   The helpers are free of undefined behaviour; their results need not
   match csmith's own headers bit for bit, only be the same in both builds.

   Copyright (C) 2026 The cpc authors.  SPDX-License-Identifier: MIT  */
#ifndef CPC_CSMITH_H
#define CPC_CSMITH_H

#ifdef CSM_NO_CPC
/* tools/fuzz/noop.py: csmith's program as it is, no coroutine at all.  */
#define coroutine_fn
static inline __attribute__ ((unused)) void cpc_suspend (void) { }
#else
#include <cpc.h>
#endif
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>

#ifndef CSM_PERIOD
#define CSM_PERIOD 3
#endif

static unsigned long csm_calls;

coroutine_fn static inline __attribute__ ((unused)) void
csm_maybe_suspend (void)
{
  if (++csm_calls % CSM_PERIOD == 0)
    cpc_suspend ();
}

#define CSM_FN coroutine_fn static inline __attribute__ ((unused))

#define CSM_SIGNED(T, MIN, MAX)						\
CSM_FN T safe_unary_minus_func_##T##_s (T si)				\
{ csm_maybe_suspend (); return si == (MIN) ? si : (T) -si; }		\
CSM_FN T safe_add_func_##T##_s_s (T a, T b)				\
{ csm_maybe_suspend ();							\
  return ((a > 0 && b > 0 && a > (MAX) - b)				\
	  || (a < 0 && b < 0 && a < (MIN) - b)) ? a : (T) (a + b); }	\
CSM_FN T safe_sub_func_##T##_s_s (T a, T b)				\
{ csm_maybe_suspend ();							\
  return ((b > 0 && a < (MIN) + b) || (b < 0 && a > (MAX) + b))		\
	 ? a : (T) (a - b); }						\
CSM_FN T safe_mul_func_##T##_s_s (T a, T b)				\
{ csm_maybe_suspend ();							\
  return ((a > 0 && b > 0 && a > (MAX) / b)				\
	  || (a > 0 && b <= 0 && b < (MIN) / a)				\
	  || (a <= 0 && b > 0 && a < (MIN) / b)				\
	  || (a <= 0 && b <= 0 && a != 0 && b < (MAX) / a))		\
	 ? a : (T) (a * b); }						\
CSM_FN T safe_mod_func_##T##_s_s (T a, T b)				\
{ csm_maybe_suspend ();							\
  return (b == 0 || (a == (MIN) && b == -1)) ? a : (T) (a % b); }	\
CSM_FN T safe_div_func_##T##_s_s (T a, T b)				\
{ csm_maybe_suspend ();							\
  return (b == 0 || (a == (MIN) && b == -1)) ? a : (T) (a / b); }	\
CSM_FN T safe_lshift_func_##T##_s_s (T l, int r)			\
{ csm_maybe_suspend ();							\
  return (l < 0 || r < 0 || r >= 32 || l > ((MAX) >> r)) ? l : (T) (l << r); } \
CSM_FN T safe_lshift_func_##T##_s_u (T l, unsigned int r)		\
{ csm_maybe_suspend ();							\
  return (l < 0 || r >= 32 || l > ((MAX) >> r)) ? l : (T) (l << r); }	\
CSM_FN T safe_rshift_func_##T##_s_s (T l, int r)			\
{ csm_maybe_suspend ();							\
  return (l < 0 || r < 0 || r >= 32) ? l : (T) (l >> r); }		\
CSM_FN T safe_rshift_func_##T##_s_u (T l, unsigned int r)		\
{ csm_maybe_suspend ();							\
  return (l < 0 || r >= 32) ? l : (T) (l >> r); }

#define CSM_UNSIGNED(T, MAX)						\
CSM_FN T safe_unary_minus_func_##T##_u (T u)				\
{ csm_maybe_suspend (); return (T) (0 - (uint64_t) u); }		\
CSM_FN T safe_add_func_##T##_u_u (T a, T b)				\
{ csm_maybe_suspend (); return (T) ((uint64_t) a + b); }		\
CSM_FN T safe_sub_func_##T##_u_u (T a, T b)				\
{ csm_maybe_suspend (); return (T) ((uint64_t) a - b); }		\
CSM_FN T safe_mul_func_##T##_u_u (T a, T b)				\
{ csm_maybe_suspend (); return (T) ((uint64_t) a * b); }		\
CSM_FN T safe_mod_func_##T##_u_u (T a, T b)				\
{ csm_maybe_suspend (); return b == 0 ? a : (T) (a % b); }		\
CSM_FN T safe_div_func_##T##_u_u (T a, T b)				\
{ csm_maybe_suspend (); return b == 0 ? a : (T) (a / b); }		\
CSM_FN T safe_lshift_func_##T##_u_s (T l, int r)			\
{ csm_maybe_suspend ();							\
  return (r < 0 || r >= 32 || l > ((MAX) >> r)) ? l : (T) ((uint64_t) l << r); } \
CSM_FN T safe_lshift_func_##T##_u_u (T l, unsigned int r)		\
{ csm_maybe_suspend ();							\
  return (r >= 32 || l > ((MAX) >> r)) ? l : (T) ((uint64_t) l << r); } \
CSM_FN T safe_rshift_func_##T##_u_s (T l, int r)			\
{ csm_maybe_suspend ();							\
  return (r < 0 || r >= 32) ? l : (T) (l >> r); }			\
CSM_FN T safe_rshift_func_##T##_u_u (T l, unsigned int r)		\
{ csm_maybe_suspend ();							\
  return (r >= 32) ? l : (T) (l >> r); }

CSM_SIGNED (int8_t, INT8_MIN, INT8_MAX)
CSM_SIGNED (int16_t, INT16_MIN, INT16_MAX)
CSM_SIGNED (int32_t, INT32_MIN, INT32_MAX)
CSM_SIGNED (int64_t, INT64_MIN, INT64_MAX)
CSM_UNSIGNED (uint8_t, UINT8_MAX)
CSM_UNSIGNED (uint16_t, UINT16_MAX)
CSM_UNSIGNED (uint32_t, UINT32_MAX)
CSM_UNSIGNED (uint64_t, UINT64_MAX)

/* Checksums (plain functions: main calls them).  */
static uint32_t crc32_tab[256];
static uint32_t crc32_context = 0xFFFFFFFFUL;

static __attribute__ ((unused)) void
crc32_gentab (void)
{
  for (uint32_t i = 0; i < 256; i++)
    {
      uint32_t crc = i;
      for (int j = 8; j > 0; j--)
	crc = (crc & 1) ? (crc >> 1) ^ 0xEDB88320UL : crc >> 1;
      crc32_tab[i] = crc;
    }
}

static __attribute__ ((unused)) void
crc32_byte (uint8_t b)
{
  crc32_context = ((crc32_context >> 8) & 0x00FFFFFF)
		  ^ crc32_tab[(crc32_context ^ b) & 0xFF];
}

static __attribute__ ((unused)) void
transparent_crc (uint64_t val, const char *vname, int flag)
{
  for (int i = 0; i < 8; i++)
    crc32_byte ((uint8_t) (val >> (i * 8)));
  if (flag)
    printf ("...checksum after hashing %s : %lX\n", vname,
	    (unsigned long) (crc32_context ^ 0xFFFFFFFFUL));
}

static __attribute__ ((unused)) void
transparent_crc_bytes (const char *ptr, int nbytes, const char *vname, int flag)
{
  for (int i = 0; i < nbytes; i++)
    crc32_byte ((uint8_t) ptr[i]);
  if (flag)
    printf ("...checksum after hashing %s : %lX\n", vname,
	    (unsigned long) (crc32_context ^ 0xFFFFFFFFUL));
}

static __attribute__ ((unused)) void platform_main_begin (void) { }

static __attribute__ ((unused)) void
platform_main_end (uint32_t crc, int flag)
{
  (void) flag;
  printf ("checksum = %X\n", crc);
}

#endif /* CPC_CSMITH_H */
