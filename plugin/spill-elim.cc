/* Redundant spills: a spill of a register into a frame slot that already
   holds its value.  The common case is a loop around a suspension point:
   every resume reloads the live variables from their slots, and the next
   suspension stores the same values back.  GCC cannot drop those stores
   itself (the frame escapes: the runtime links it, other code may hold
   pointers into its resident variables), but the plugin knows which
   slots nothing but its own spills and reloads touch.

   A forward "must" dataflow over the rewritten function tracks which
   registers equal which slot bytes: a reload or a spill establishes the
   pair, a copy between registers carries it, any other definition of the
   register or a spill of other bytes over the slot ends it.  A spill
   whose pair holds on every path is deleted.

   Copyright (C) 2026 The cpc authors.
   SPDX-License-Identifier: GPL-3.0-or-later  */

#include "cpc-plugin.h"

namespace {

/* A fact: REG holds the SIZE bytes of the frame at OFF.  */
struct slot_fact
{
  tree reg;
  HOST_WIDE_INT off, size;
};

class spill_elim
{
public:
  spill_elim (function *fun, const vec<cpc_slot_access> &accesses)
    : fun (fun), accesses (accesses) {}
  unsigned run ();

private:
  function *fun;
  const vec<cpc_slot_access> &accesses;
  hash_map<gimple *, unsigned> access_of;	/* stmt -> index */
  auto_vec<slot_fact> facts;
  unsigned fact_index (tree reg, HOST_WIDE_INT off, HOST_WIDE_INT size);
  void kill_reg (bitmap live, tree reg);
  void kill_bytes (bitmap live, HOST_WIDE_INT off, HOST_WIDE_INT size);
  void transfer (gimple *stmt, bitmap live, auto_vec<gimple *> *redundant);
};

unsigned
spill_elim::fact_index (tree reg, HOST_WIDE_INT off, HOST_WIDE_INT size)
{
  for (unsigned i = 0; i < facts.length (); i++)
    if (facts[i].reg == reg && facts[i].off == off && facts[i].size == size)
      return i;
  facts.safe_push ({ reg, off, size });
  return facts.length () - 1;
}

void
spill_elim::kill_reg (bitmap live, tree reg)
{
  for (unsigned i = 0; i < facts.length (); i++)
    if (facts[i].reg == reg)
      bitmap_clear_bit (live, i);
}

void
spill_elim::kill_bytes (bitmap live, HOST_WIDE_INT off, HOST_WIDE_INT size)
{
  for (unsigned i = 0; i < facts.length (); i++)
    if (facts[i].off < off + size && off < facts[i].off + facts[i].size)
      bitmap_clear_bit (live, i);
}

/* The effect of STMT on LIVE; with REDUNDANT, collect the spills LIVE
   already makes redundant.  */

void
spill_elim::transfer (gimple *stmt, bitmap live,
		      auto_vec<gimple *> *redundant)
{
  if (is_gimple_debug (stmt))
    return;
  if (unsigned *ai = access_of.get (stmt))
    {
      const cpc_slot_access &a = accesses[*ai];
      if (!a.tracked)
	{
	  /* A slot other code may also write: its spills only end facts.  */
	  if (a.is_spill)
	    kill_bytes (live, a.off, a.size);
	  else
	    kill_reg (live, a.reg);
	  return;
	}
      unsigned f = fact_index (a.reg, a.off, a.size);
      if (a.is_spill)
	{
	  if (bitmap_bit_p (live, f))
	    {
	      if (redundant)
		redundant->safe_push (stmt);
	      return;
	    }
	  kill_bytes (live, a.off, a.size);
	}
      else
	kill_reg (live, a.reg);
      bitmap_set_bit (live, f);
      return;
    }
  /* A copy between registers of the same size carries the source's
     facts.  */
  if (gimple_assign_single_p (stmt) || gimple_assign_cast_p (stmt))
    {
      tree lhs = gimple_assign_lhs (stmt);
      tree rhs = gimple_assign_rhs1 (stmt);
      if (VAR_P (lhs) && VAR_P (rhs) && lhs != rhs
	  && (gimple_assign_single_p (stmt)
	      || (POINTER_TYPE_P (TREE_TYPE (lhs))
		  && POINTER_TYPE_P (TREE_TYPE (rhs))))
	  && tree_int_cst_equal (TYPE_SIZE (TREE_TYPE (lhs)),
				 TYPE_SIZE (TREE_TYPE (rhs))))
	{
	  kill_reg (live, lhs);
	  unsigned n = facts.length ();
	  for (unsigned i = 0; i < n; i++)
	    if (facts[i].reg == rhs && bitmap_bit_p (live, i))
	      bitmap_set_bit (live,
			      fact_index (lhs, facts[i].off, facts[i].size));
	  return;
	}
    }
  /* Anything else that sets a register ends what it held.  */
  if (tree lhs = gimple_get_lhs (stmt))
    if (DECL_P (lhs))
      kill_reg (live, lhs);
  if (gasm *as = dyn_cast<gasm *> (stmt))
    for (unsigned i = 0; i < gimple_asm_noutputs (as); i++)
      {
	tree out = TREE_VALUE (gimple_asm_output_op (as, i));
	if (DECL_P (out))
	  kill_reg (live, out);
      }
}

unsigned
spill_elim::run ()
{
  for (unsigned i = 0; i < accesses.length (); i++)
    {
      access_of.put (accesses[i].stmt, i);
      if (accesses[i].tracked)
	fact_index (accesses[i].reg, accesses[i].off, accesses[i].size);
    }
  /* IN sets; a block not reached yet has no IN (the meet skips it).  */
  auto_vec<bitmap> in;
  in.safe_grow_cleared (last_basic_block_for_fn (fun));
  bitmap_obstack ob;
  bitmap_obstack_initialize (&ob);
  bool changed = true;
  int *order = XNEWVEC (int, n_basic_blocks_for_fn (fun));
  int n = pre_and_rev_post_order_compute_fn (fun, NULL, order, false);
  bitmap cur = BITMAP_ALLOC (&ob);
  while (changed)
    {
      changed = false;
      for (int k = 0; k < n; k++)
	{
	  basic_block bb = BASIC_BLOCK_FOR_FN (fun, order[k]);
	  /* Meet: the facts every processed predecessor's OUT holds.  */
	  bool first = true;
	  edge e;
	  edge_iterator ei;
	  bitmap_clear (cur);
	  FOR_EACH_EDGE (e, ei, bb->preds)
	    {
	      if (e->src == ENTRY_BLOCK_PTR_FOR_FN (fun))
		{
		  bitmap_clear (cur);
		  first = false;
		  break;
		}
	      if (!in[e->src->index])
		continue;
	      bitmap out = BITMAP_ALLOC (&ob);
	      bitmap_copy (out, in[e->src->index]);
	      for (gimple_stmt_iterator gsi = gsi_start_bb (e->src);
		   !gsi_end_p (gsi); gsi_next (&gsi))
		transfer (gsi_stmt (gsi), out, NULL);
	      if (first)
		bitmap_copy (cur, out);
	      else
		bitmap_and_into (cur, out);
	      first = false;
	      BITMAP_FREE (out);
	    }
	  if (!in[bb->index])
	    {
	      in[bb->index] = BITMAP_ALLOC (&ob);
	      bitmap_copy (in[bb->index], cur);
	      changed = true;
	    }
	  else if (!bitmap_equal_p (in[bb->index], cur))
	    {
	      bitmap_copy (in[bb->index], cur);
	      changed = true;
	    }
	}
    }
  auto_vec<gimple *> redundant;
  for (int k = 0; k < n; k++)
    {
      basic_block bb = BASIC_BLOCK_FOR_FN (fun, order[k]);
      bitmap_copy (cur, in[bb->index]);
      for (gimple_stmt_iterator gsi = gsi_start_bb (bb); !gsi_end_p (gsi);
	   gsi_next (&gsi))
	transfer (gsi_stmt (gsi), cur, &redundant);
    }
  free (order);
  bitmap_obstack_release (&ob);
  for (gimple *stmt : redundant)
    {
      gimple_stmt_iterator gsi = gsi_for_stmt (stmt);
      gsi_remove (&gsi, true);
    }
  return redundant.length ();
}

} // anon namespace

unsigned
cpc_drop_redundant_spills (function *fun,
			   const vec<cpc_slot_access> &accesses)
{
  if (accesses.is_empty ())
    return 0;
  spill_elim e (fun, accesses);
  return e.run ();
}
