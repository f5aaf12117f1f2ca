/* The frame header and runtime entry points, as C declarations derived
   from cpc-abi.def.  Internal to the generated code and libcpc: user code
   never touches these.

   Copyright (C) 2026 The cpc authors.  SPDX-License-Identifier: MIT  */
#ifndef CPC_ABI_H
#define CPC_ABI_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

struct cpc_frame;
typedef void (*cpc__resume_fn) (struct cpc_frame *);

#define CPC__KIND_RESUME_FN cpc__resume_fn
#define CPC__KIND_FRAME_PTR struct cpc_frame *
#define CPC__KIND_UINT unsigned int
#define CPC__KIND_PTR void *
#define CPC__KIND_SIZE size_t
#define CPC__KIND_INT int
#define CPC__KIND_VOID void

struct cpc_frame
{
#define DEF_CPC_FRAME_FIELD(NAME, KIND) CPC__KIND_##KIND NAME;
#define DEF_CPC_ENTRY2(NAME, RET, ARG1, ARG2)
#define DEF_CPC_CONSTANT(NAME, VALUE)
#include "cpc-abi.def"
#undef DEF_CPC_FRAME_FIELD
#undef DEF_CPC_ENTRY2
#undef DEF_CPC_CONSTANT
};

enum
{
#define DEF_CPC_FRAME_FIELD(NAME, KIND)
#define DEF_CPC_ENTRY2(NAME, RET, ARG1, ARG2)
#define DEF_CPC_CONSTANT(NAME, VALUE) CPC__##NAME = VALUE,
#include "cpc-abi.def"
#undef DEF_CPC_FRAME_FIELD
#undef DEF_CPC_ENTRY2
#undef DEF_CPC_CONSTANT
};

#define CPC__ARGS_VOID_VOID void
#define CPC__ARGS_PTR_VOID void *
#define CPC__ARGS_SIZE_VOID size_t
#define CPC__ARGS_FRAME_PTR_RESUME_FN struct cpc_frame *, cpc__resume_fn
#define DEF_CPC_FRAME_FIELD(NAME, KIND)
#define DEF_CPC_CONSTANT(NAME, VALUE)
#define DEF_CPC_ENTRY2(NAME, RET, ARG1, ARG2) \
  CPC__KIND_##RET NAME (CPC__ARGS_##ARG1##_##ARG2);
#include "cpc-abi.def"
#undef DEF_CPC_FRAME_FIELD
#undef DEF_CPC_ENTRY2
#undef DEF_CPC_CONSTANT

#ifdef __cplusplus
}
#endif

#endif /* CPC_ABI_H */
