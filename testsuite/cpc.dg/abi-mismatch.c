/* A struct cpc_frame or struct cpc_hot whose layout differs from the one
   the plugin generates code for (headers of another cpc version) is an
   error where the struct is defined.  */
/* { dg-do compile } */

struct cpc_frame	/* { dg-error "ABI mismatch: 'struct cpc_frame' in this header differs" } */
{
  void (*resume) (struct cpc_frame *);
  struct cpc_frame *caller;
};

struct cpc_hot		/* { dg-error "ABI mismatch: 'struct cpc_hot' in this header differs" } */
{
  char *bump;
  char *end;
  int suspending;
};
