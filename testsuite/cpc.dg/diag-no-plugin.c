/* <cpc.h> refuses to compile without the plugin.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fno-cpc-plugin" } */
#include <cpc.h> /* { dg-error "needs the cpc GCC plugin: compile with -fplugin=cpc" "" { target *-*-* } 0 } */

int x;
