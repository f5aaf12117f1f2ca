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

   A suspension point's store of its state index is such a spill, of a
   constant.  Nothing but these stores writes a frame's state, and the
   runtime always calls the resume function with the frame's own state
   (docs/ABI.md), so the resume block of point K starts with "the state
   holds K" for free: in a loop that suspends only at K, the store of K is
   redundant on every path that came back through K's resume.

   In a loop, though, the pairs hold on the paths around the loop (back
   through a resume and its reload) but not on the way in, where the
   first iteration has not stored anything yet: the stores stay, and run
   once per suspension.  So before deleting, a spill whose pair holds at
   the end of every iteration of a loop around it gets a copy on each of
   the loop's entry edges where the pair does not hold; one store per
   entry into the loop instead of one per suspension (a loop entered and
   left without suspending pays it, which is why nothing is moved
   anywhere but to the entries of a loop that holds a suspension point).
   "Around" is meant with the suspension continuing at its resume block:
   the loop in the source goes out of the resume function at the
   suspension and back in through the dispatch, so the CFG alone has no
   back edge there.  The loops are found on the CFG with each
   dispatch-to-resume edge replaced by an edge from the suspending path's
   last block.

   A copy can end other pairs (two variables sharing a slot, another
   state), so copies are tentative: after inserting them the dataflow
   runs again, and a copy stays only if a spill it was made for became
   redundant; then it runs once more on what stays.  Only that last run
   decides what is deleted, so whatever the copies did, a deleted spill
   stored a value the slot held on every path.  A few rounds let a spill
   in an inner loop move out to an outer loop that holds its pair at its
   latches too (the inner loop's copy is then redundant itself).

   Copyright (C) 2026 The cpc authors.
   SPDX-License-Identifier: GPL-3.0-or-later  */

#include "cpc-plugin.h"

namespace {

/* A fact: REG holds the SIZE bytes of the frame at OFF (RANGE: the index
   of those bytes in spill_elim::ranges).  */
struct slot_fact
{
  tree reg;
  HOST_WIDE_INT off, size;
  unsigned range;
};

/* A distinct run of frame bytes some access uses, with the facts about
   bytes overlapping it (what a spill there ends).  */
struct byte_range
{
  HOST_WIDE_INT off, size;
  bitmap overlapping;
};

/* A natural loop of the CFG where suspensions continue at their resume
   blocks.  */
struct nat_loop
{
  basic_block header;
  vec<basic_block> latches;
  vec<edge> entries;
  bool can_insert;		/* No entry edge is abnormal or EH.  */
};

/* A copy to insert, or inserted, on an entry edge of the loop at HEADER:
   of the spill TEMPLATE (access FACT), for the spills MOTIVATED.  */
struct hoist
{
  edge e;
  basic_block header;
  unsigned fact;
  unsigned templ;		/* An access index.  */
  unsigned access;		/* The copy's, once inserted.  */
  vec<gimple *> motivated;
};

/* The rounds of hoisting: enough for a spill in a doubly nested loop to
   reach the outermost one, few enough to keep the reruns of the
   dataflow cheap.  */
const int max_hoist_rounds = 3;

class spill_elim
{
public:
  spill_elim (function *fun, vec<cpc_slot_access> &accesses,
	      const vec<cpc_resume_point> &points)
    : fun (fun), accesses (accesses), points (points) {}
  ~spill_elim ();
  void run (cpc_spill_stats *stats);

private:
  function *fun;
  vec<cpc_slot_access> &accesses;
  const vec<cpc_resume_point> &points;
  bitmap_obstack ob;
  hash_map<gimple *, unsigned> access_of;	/* stmt -> index */
  auto_vec<unsigned> access_fact;	/* Of each tracked access.  */
  auto_vec<unsigned> access_range;
  auto_vec<slot_fact> facts;
  auto_vec<byte_range> ranges;
  hash_map<tree, vec<unsigned> > facts_of_reg;
  /* The dataflow's solution, by block index.  */
  auto_vec<bitmap> in, out;
  auto_vec<nat_loop> loops;
  /* Loop indexes by block index: the loops a block belongs to.  */
  auto_vec<vec<unsigned> > loops_of_block;
  /* (fact << 32 | header index) whose copies did not pay: not again.  */
  hash_set<int_hash<HOST_WIDE_INT, -1, -2> > failed;

  unsigned range_index (HOST_WIDE_INT off, HOST_WIDE_INT size);
  unsigned fact_index (tree reg, HOST_WIDE_INT off, HOST_WIDE_INT size);
  void add_access (unsigned i);
  void kill_reg (bitmap live, tree reg);
  void kill_range (bitmap live, unsigned range);
  void transfer (gimple *stmt, bitmap live, hash_set<gimple *> *redundant);
  void solve ();
  void collect_redundant (hash_set<gimple *> *redundant);
  void free_loops ();
  bool find_loops ();
  bool hoist_round ();
};

spill_elim::~spill_elim ()
{
  for (auto it = facts_of_reg.begin (); it != facts_of_reg.end (); ++it)
    (*it).second.release ();
  free_loops ();
}

unsigned
spill_elim::range_index (HOST_WIDE_INT off, HOST_WIDE_INT size)
{
  for (unsigned i = 0; i < ranges.length (); i++)
    if (ranges[i].off == off && ranges[i].size == size)
      return i;
  byte_range r = { off, size, BITMAP_ALLOC (&ob) };
  for (unsigned f = 0; f < facts.length (); f++)
    if (facts[f].off < off + size && off < facts[f].off + facts[f].size)
      bitmap_set_bit (r.overlapping, f);
  ranges.safe_push (r);
  return ranges.length () - 1;
}

unsigned
spill_elim::fact_index (tree reg, HOST_WIDE_INT off, HOST_WIDE_INT size)
{
  bool existed;
  vec<unsigned> &mine = facts_of_reg.get_or_insert (reg, &existed);
  if (!existed)
    mine = vNULL;
  for (unsigned f : mine)
    if (facts[f].off == off && facts[f].size == size)
      return f;
  unsigned f = facts.length ();
  /* Copies make facts about bytes some access uses, so RANGE exists.  */
  unsigned range = range_index (off, size);
  facts.safe_push ({ reg, off, size, range });
  facts_of_reg.get (reg)->safe_push (f);
  for (byte_range &r : ranges)
    if (r.off < off + size && off < r.off + r.size)
      bitmap_set_bit (r.overlapping, f);
  return f;
}

/* Access I was added to ACCESSES: index it.  */

void
spill_elim::add_access (unsigned i)
{
  const cpc_slot_access &a = accesses[i];
  access_of.put (a.stmt, i);
  access_range.safe_push (range_index (a.off, a.size));
  access_fact.safe_push (a.tracked ? fact_index (a.reg, a.off, a.size) : 0);
}

void
spill_elim::kill_reg (bitmap live, tree reg)
{
  if (vec<unsigned> *mine = facts_of_reg.get (reg))
    for (unsigned f : *mine)
      bitmap_clear_bit (live, f);
}

void
spill_elim::kill_range (bitmap live, unsigned range)
{
  bitmap_and_compl_into (live, ranges[range].overlapping);
}

/* The effect of STMT on LIVE; with REDUNDANT, collect the spills LIVE
   already makes redundant.  */

void
spill_elim::transfer (gimple *stmt, bitmap live,
		      hash_set<gimple *> *redundant)
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
	    kill_range (live, access_range[*ai]);
	  else
	    kill_reg (live, a.reg);
	  return;
	}
      unsigned f = access_fact[*ai];
      if (a.is_spill)
	{
	  if (bitmap_bit_p (live, f))
	    {
	      if (redundant)
		redundant->add (stmt);
	      return;
	    }
	  kill_range (live, access_range[*ai]);
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
	  if (vec<unsigned> *src = facts_of_reg.get (rhs))
	    {
	      auto_vec<unsigned, 8> held;
	      for (unsigned f : *src)
		if (bitmap_bit_p (live, f))
		  held.safe_push (f);
	      for (unsigned f : held)
		bitmap_set_bit (live, fact_index (lhs, facts[f].off,
						  facts[f].size));
	    }
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

/* Solve the dataflow for the function as it is: IN and OUT of every
   block reached (NULL for the others).  */

void
spill_elim::solve ()
{
  unsigned nbb = last_basic_block_for_fn (fun);
  for (bitmap &b : in)
    if (b)
      BITMAP_FREE (b);
  for (bitmap &b : out)
    if (b)
      BITMAP_FREE (b);
  in.truncate (0);
  out.truncate (0);
  in.safe_grow_cleared (nbb);
  out.safe_grow_cleared (nbb);
  /* What a block knows on entry whatever its predecessors: at a resume
     block, the frame's state.  */
  auto_vec<int> entry_fact;
  entry_fact.safe_grow (nbb);
  for (unsigned i = 0; i < nbb; i++)
    entry_fact[i] = -1;
  for (const cpc_resume_point &p : points)
    entry_fact[p.resume->index] = fact_index (p.state, p.off, p.size);

  int *order = XNEWVEC (int, n_basic_blocks_for_fn (fun));
  int n = pre_and_rev_post_order_compute_fn (fun, NULL, order, false);
  bitmap cur = BITMAP_ALLOC (&ob);
  bool changed = true;
  while (changed)
    {
      changed = false;
      for (int k = 0; k < n; k++)
	{
	  basic_block bb = BASIC_BLOCK_FOR_FN (fun, order[k]);
	  /* Meet: the facts every processed predecessor's OUT holds (in
	     reverse postorder, some predecessor always is).  */
	  bool first = true;
	  edge e;
	  edge_iterator ei;
	  bitmap_clear (cur);
	  FOR_EACH_EDGE (e, ei, bb->preds)
	    {
	      if (e->src == ENTRY_BLOCK_PTR_FOR_FN (fun))
		{
		  bitmap_clear (cur);
		  break;
		}
	      bitmap o = out[e->src->index];
	      if (!o)
		continue;
	      if (first)
		bitmap_copy (cur, o);
	      else
		bitmap_and_into (cur, o);
	      first = false;
	    }
	  if (entry_fact[bb->index] >= 0)
	    bitmap_set_bit (cur, entry_fact[bb->index]);
	  if (in[bb->index] && bitmap_equal_p (in[bb->index], cur))
	    continue;
	  if (!in[bb->index])
	    {
	      in[bb->index] = BITMAP_ALLOC (&ob);
	      out[bb->index] = BITMAP_ALLOC (&ob);
	    }
	  bitmap_copy (in[bb->index], cur);
	  bitmap o = out[bb->index];
	  bitmap_copy (o, cur);
	  for (gimple_stmt_iterator gsi = gsi_start_bb (bb); !gsi_end_p (gsi);
	       gsi_next (&gsi))
	    transfer (gsi_stmt (gsi), o, NULL);
	  changed = true;
	}
    }
  BITMAP_FREE (cur);
  free (order);
}

/* The spills the last solution makes redundant.  */

void
spill_elim::collect_redundant (hash_set<gimple *> *redundant)
{
  bitmap cur = BITMAP_ALLOC (&ob);
  basic_block bb;
  FOR_EACH_BB_FN (bb, fun)
    {
      if ((unsigned) bb->index >= in.length () || !in[bb->index])
	continue;
      bitmap_copy (cur, in[bb->index]);
      for (gimple_stmt_iterator gsi = gsi_start_bb (bb); !gsi_end_p (gsi);
	   gsi_next (&gsi))
	transfer (gsi_stmt (gsi), cur, redundant);
    }
  BITMAP_FREE (cur);
}

void
spill_elim::free_loops ()
{
  for (nat_loop &l : loops)
    {
      l.latches.release ();
      l.entries.release ();
    }
  loops.truncate (0);
  for (vec<unsigned> &v : loops_of_block)
    v.release ();
  loops_of_block.truncate (0);
}

/* Find the natural loops of the CFG in which each suspending path goes on
   to its resume block (instead of the dispatch going there); false if
   there are none.  */

bool
spill_elim::find_loops ()
{
  free_loops ();
  int nbb = last_basic_block_for_fn (fun);
  basic_block entry = ENTRY_BLOCK_PTR_FOR_FN (fun);
  basic_block exit = EXIT_BLOCK_PTR_FOR_FN (fun);
  /* The graph, as successor and predecessor lists (CSR): the CFG without
     the dispatch's edges to the resume blocks, with an edge from each
     suspending block to its resume block instead.  */
  auto_vec<int> vpred;		/* Of a resume block: its suspending block.  */
  vpred.safe_grow (nbb);
  for (int i = 0; i < nbb; i++)
    vpred[i] = -2;		/* Not a resume block.  */
  for (const cpc_resume_point &p : points)
    vpred[p.resume->index] = p.suspend ? p.suspend->index : -1;
  /* A suspending block's resume blocks, as lists through VNEXT.  */
  auto_vec<int> vfirst, vnext;
  vfirst.safe_grow (nbb);
  vnext.safe_grow (points.length ());
  for (int i = 0; i < nbb; i++)
    vfirst[i] = -1;
  for (unsigned k = 0; k < points.length (); k++)
    if (basic_block s = points[k].suspend)
      {
	vnext[k] = vfirst[s->index];
	vfirst[s->index] = k;
      }
  auto_vec<unsigned> sbeg;
  auto_vec<int> succs;
  sbeg.safe_grow_cleared (nbb + 1);
  auto_vec<unsigned> pbeg;
  auto_vec<int> preds;
  pbeg.safe_grow_cleared (nbb + 1);
  /* Nor R's exit block, which no cycle goes through: every suspending
     path also ends there, and the dominators' walks up from each of its
     predecessors would make a function with many points quadratic.  */
  auto leaves = [&] (basic_block bb) {
    return bb == exit || (single_succ_p (bb) && single_succ (bb) == exit);
  };
  for (int i = 0; i < nbb; i++)
    {
      sbeg[i] = succs.length ();
      basic_block bb = BASIC_BLOCK_FOR_FN (fun, i);
      if (bb && !leaves (bb))
	{
	  edge e;
	  edge_iterator ei;
	  FOR_EACH_EDGE (e, ei, bb->succs)
	    if (!leaves (e->dest) && vpred[e->dest->index] == -2)
	      succs.safe_push (e->dest->index);
	  for (int k = vfirst[i]; k >= 0; k = vnext[k])
	    succs.safe_push (points[k].resume->index);
	}
      pbeg[i] = preds.length ();
      if (bb && bb != entry && !leaves (bb))
	{
	  if (vpred[i] >= 0)
	    preds.safe_push (vpred[i]);
	  else if (vpred[i] == -2)
	    {
	      edge e;
	      edge_iterator ei;
	      FOR_EACH_EDGE (e, ei, bb->preds)
		preds.safe_push (e->src->index);
	    }
	}
    }
  sbeg[nbb] = succs.length ();
  pbeg[nbb] = preds.length ();

  /* Depth-first from the entry: postorder, and whether any edge
     retreats (no cycle, no loop: the common straight-line case stops
     here).  */
  auto_vec<int> post;		/* Postorder number, -1 unvisited.  */
  auto_vec<char> on_stack;
  post.safe_grow (nbb);
  on_stack.safe_grow_cleared (nbb);
  for (int i = 0; i < nbb; i++)
    post[i] = -1;
  auto_vec<int> rpo;		/* Blocks in reverse postorder, reversed.  */
  auto_vec<std::pair<int, unsigned> > stack;
  bool retreats = false;
  auto_vec<char> seen;
  seen.safe_grow_cleared (nbb);
  stack.safe_push ({ entry->index, sbeg[entry->index] });
  seen[entry->index] = on_stack[entry->index] = 1;
  while (!stack.is_empty ())
    {
      std::pair<int, unsigned> &top = stack.last ();
      if (top.second < sbeg[top.first + 1])
	{
	  int d = succs[top.second++];
	  if (!seen[d])
	    {
	      seen[d] = on_stack[d] = 1;
	      stack.safe_push ({ d, sbeg[d] });
	    }
	  else if (on_stack[d])
	    retreats = true;
	}
      else
	{
	  post[top.first] = rpo.length ();
	  rpo.safe_push (top.first);
	  on_stack[top.first] = 0;
	  stack.pop ();
	}
    }
  if (!retreats)
    return false;

  /* Dominators (Cooper, Harvey and Kennedy), in reverse postorder.  */
  auto_vec<int> idom;
  idom.safe_grow (nbb);
  for (int i = 0; i < nbb; i++)
    idom[i] = -1;
  idom[entry->index] = entry->index;
  bool changed = true;
  while (changed)
    {
      changed = false;
      for (int k = rpo.length () - 2; k >= 0; k--)
	{
	  int b = rpo[k];
	  int nd = -1;
	  for (unsigned j = pbeg[b]; j < pbeg[b + 1]; j++)
	    {
	      int p = preds[j];
	      if (post[p] < 0 || idom[p] < 0)
		continue;
	      if (nd < 0)
		{
		  nd = p;
		  continue;
		}
	      int x = p, y = nd;
	      while (x != y)
		{
		  while (post[x] < post[y])
		    x = idom[x];
		  while (post[y] < post[x])
		    y = idom[y];
		}
	      nd = x;
	    }
	  if (nd >= 0 && idom[b] != nd)
	    {
	      idom[b] = nd;
	      changed = true;
	    }
	}
    }
  /* Preorder intervals of the dominator tree: H dominates B when B's
     interval is inside H's.  */
  auto_vec<unsigned> cbeg;
  auto_vec<int> children;
  cbeg.safe_grow_cleared (nbb + 1);
  for (int b : rpo)
    if (b != entry->index)
      cbeg[idom[b] + 1]++;
  for (int i = 0; i < nbb; i++)
    cbeg[i + 1] += cbeg[i];
  children.safe_grow (cbeg[nbb]);
  {
    auto_vec<unsigned> fill;
    fill.safe_grow (nbb);
    for (int i = 0; i < nbb; i++)
      fill[i] = cbeg[i];
    for (int b : rpo)
      if (b != entry->index)
	children[fill[idom[b]]++] = b;
  }
  auto_vec<unsigned> dfs_in, dfs_out;
  dfs_in.safe_grow_cleared (nbb);
  dfs_out.safe_grow_cleared (nbb);
  {
    unsigned clock = 0;
    auto_vec<std::pair<int, unsigned> > st;
    st.safe_push ({ entry->index, cbeg[entry->index] });
    dfs_in[entry->index] = clock++;
    while (!st.is_empty ())
      {
	std::pair<int, unsigned> &top = st.last ();
	if (top.second < cbeg[top.first + 1])
	  {
	    int c = children[top.second++];
	    dfs_in[c] = clock++;
	    st.safe_push ({ c, cbeg[c] });
	  }
	else
	  {
	    dfs_out[top.first] = clock++;
	    st.pop ();
	  }
      }
  }
  auto dominates = [&] (int h, int b) {
    return dfs_in[h] <= dfs_in[b] && dfs_out[b] <= dfs_out[h];
  };

  /* Back edges, by header.  */
  auto_vec<int> loop_of_header;
  loop_of_header.safe_grow (nbb);
  for (int i = 0; i < nbb; i++)
    loop_of_header[i] = -1;
  loops_of_block.safe_grow_cleared (nbb);
  auto_vec<int> stamp;
  stamp.safe_grow (nbb);
  for (int i = 0; i < nbb; i++)
    stamp[i] = -1;
  for (int k = rpo.length () - 1; k >= 0; k--)
    {
      int h = rpo[k];
      auto_vec<int> latches;
      for (unsigned j = pbeg[h]; j < pbeg[h + 1]; j++)
	{
	  int u = preds[j];
	  if (post[u] >= 0 && post[u] <= post[h] && dominates (h, u))
	    latches.safe_push (u);
	}
      if (latches.is_empty ())
	continue;
      basic_block hb = BASIC_BLOCK_FOR_FN (fun, h);
      nat_loop l = { hb, vNULL, vNULL, true };
      /* A resume block is entered from the dispatch only: no edge to
	 insert on (and, as a header, it cannot be: its one predecessor
	 here is its suspension, which it does not dominate).  */
      if (vpred[h] != -2)
	l.can_insert = false;
      unsigned id = loops.length ();
      /* The body: what reaches a latch without passing the header.  */
      auto_vec<int> work;
      stamp[h] = id;
      for (int u : latches)
	{
	  l.latches.safe_push (BASIC_BLOCK_FOR_FN (fun, u));
	  if (stamp[u] != (int) id)
	    {
	      stamp[u] = id;
	      work.safe_push (u);
	    }
	}
      loops_of_block[h].safe_push (id);
      while (!work.is_empty ())
	{
	  int b = work.pop ();
	  loops_of_block[b].safe_push (id);
	  for (unsigned j = pbeg[b]; j < pbeg[b + 1]; j++)
	    {
	      int p = preds[j];
	      if (post[p] >= 0 && stamp[p] != (int) id)
		{
		  stamp[p] = id;
		  work.safe_push (p);
		}
	    }
	}
      edge e;
      edge_iterator ei;
      FOR_EACH_EDGE (e, ei, hb->preds)
	if (stamp[e->src->index] != (int) id)
	  {
	    l.entries.safe_push (e);
	    if ((e->flags & EDGE_COMPLEX) || e->src == entry)
	      l.can_insert = false;
	  }
      loops.safe_push (l);
    }
  return !loops.is_empty ();
}

/* One round of hoisting; true if a copy stayed.  */

bool
spill_elim::hoist_round ()
{
  if (!find_loops ())
    return false;
  hash_set<gimple *> redundant;
  collect_redundant (&redundant);
  auto_vec<hoist> plan;
  unsigned n = accesses.length ();
  for (unsigned i = 0; i < n; i++)
    {
      const cpc_slot_access &a = accesses[i];
      if (!a.stmt || !a.is_spill || !a.tracked || redundant.contains (a.stmt))
	continue;
      basic_block bb = gimple_bb (a.stmt);
      unsigned f = access_fact[i];
      for (unsigned id : loops_of_block[bb->index])
	{
	  nat_loop &l = loops[id];
	  if (!l.can_insert
	      || failed.contains (((HOST_WIDE_INT) f << 32) | l.header->index))
	    continue;
	  bool latches_hold = true;
	  for (basic_block u : l.latches)
	    if (!out[u->index] || !bitmap_bit_p (out[u->index], f))
	      latches_hold = false;
	  if (!latches_hold)
	    continue;
	  /* The entries that lack the pair; none where another copy over
	     these bytes goes (it would end this one's pair, or this its).  */
	  auto_vec<edge, 4> lacking;
	  bool clash = false;
	  for (edge e : l.entries)
	    if (out[e->src->index] && !bitmap_bit_p (out[e->src->index], f))
	      {
		lacking.safe_push (e);
		for (hoist &h : plan)
		  if (h.e == e && h.fact != f
		      && bitmap_bit_p (ranges[access_range[i]].overlapping,
				       h.fact))
		    clash = true;
	      }
	  if (lacking.is_empty () || clash)
	    continue;
	  for (edge e : lacking)
	    {
	      hoist *found = NULL;
	      for (hoist &h : plan)
		if (h.e == e && h.fact == f)
		  found = &h;
	      if (!found)
		{
		  plan.safe_push ({ e, l.header, f, i, 0, vNULL });
		  found = &plan.last ();
		}
	      found->motivated.safe_push (a.stmt);
	    }
	}
    }
  if (plan.is_empty ())
    return false;

  for (hoist &h : plan)
    {
      const cpc_slot_access &t = accesses[h.templ];
      gimple *copy = gimple_copy (t.stmt);
      suppress_warning (copy, OPT_Wuninitialized);
      suppress_warning (copy, OPT_Wmaybe_uninitialized);
      gsi_insert_on_edge (h.e, copy);
      h.access = accesses.length ();
      accesses.safe_push ({ copy, t.reg, t.off, t.size, true, true,
			    t.is_state });
      add_access (h.access);
    }
  gsi_commit_edge_inserts ();

  solve ();
  redundant.empty ();
  collect_redundant (&redundant);
  bool kept = false;
  for (hoist &h : plan)
    {
      bool paid = false;
      for (gimple *m : h.motivated)
	if (redundant.contains (m))
	  paid = true;
      if (paid)
	kept = true;
      else
	{
	  /* Removing a spill before any is deleted is safe: the spills
	     that remain store what they always did.  */
	  gimple *copy = accesses[h.access].stmt;
	  gimple_stmt_iterator gsi = gsi_for_stmt (copy);
	  gsi_remove (&gsi, true);
	  access_of.remove (copy);
	  accesses[h.access].stmt = NULL;
	  failed.add (((HOST_WIDE_INT) h.fact << 32) | h.header->index);
	}
      h.motivated.release ();
    }
  solve ();
  return kept;
}

void
spill_elim::run (cpc_spill_stats *stats)
{
  bitmap_obstack_initialize (&ob);
  for (unsigned i = 0; i < accesses.length (); i++)
    add_access (i);
  unsigned original = accesses.length ();
  solve ();
  for (int round = 0; round < max_hoist_rounds; round++)
    if (!hoist_round ())
      break;
  hash_set<gimple *> redundant;
  collect_redundant (&redundant);
  for (unsigned i = 0; i < accesses.length (); i++)
    {
      cpc_slot_access &a = accesses[i];
      if (!a.stmt)
	continue;
      bool drop = redundant.contains (a.stmt);
      if (i >= original)
	stats->hoisted += !drop;
      else if (drop)
	{
	  if (a.is_state)
	    stats->states_dropped++;
	  else
	    stats->spills_dropped++;
	}
      if (drop)
	{
	  gimple_stmt_iterator gsi = gsi_for_stmt (a.stmt);
	  gsi_remove (&gsi, true);
	  a.stmt = NULL;
	}
    }
  for (bitmap &b : in)
    b = NULL;
  for (bitmap &b : out)
    b = NULL;
  for (byte_range &r : ranges)
    r.overlapping = NULL;
  bitmap_obstack_release (&ob);
}

} // anon namespace

void
cpc_drop_redundant_spills (function *fun, vec<cpc_slot_access> &accesses,
			   const vec<cpc_resume_point> &points,
			   cpc_spill_stats *stats)
{
  memset (stats, 0, sizeof *stats);
  for (const cpc_slot_access &a : accesses)
    if (a.is_spill)
      {
	if (a.is_state)
	  stats->states++;
	else
	  stats->spills++;
      }
  if (accesses.is_empty ())
    return;
  spill_elim e (fun, accesses, points);
  e.run (stats);
}
