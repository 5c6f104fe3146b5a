"""The demo's coverage figures: computed once the demo registry is in place (the background task keeps them
current afterwards). Part of `load_demo`; ORDER after every app that adds providers."""

from . import compute

ORDER = 99


def build(ctx):
    summary = compute.recompute()
    ctx.log(f"Coverage computed: {summary.localities} localities, {summary.sites} early-care locations.")
