/* cpc driven by a GLib main loop through the embedding API: the example
   examples/glib-integration.c checks its own interleaving and values.
   Needs GLib (configure); sched.exp adds its flags.  */
#include "../../examples/glib-integration.c"
