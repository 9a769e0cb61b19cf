"""Stage 2, decide: the decision model (which option a set of answers leads to, and every path of a
tree), the cost model of three routes (`costs`) and the shortlist of
the catalogue's models that fit the answers (`shortlist`). Pure functions over the models' types: it reads no files, so the
data checks use it to prove that the trees and the cheat sheet agree with it, and the pages call it.
"""
from .breakeven import INPUTS, ROUTES, calculator_defaults, chart_top, costs, nice_ceil, series
from .model import PARTS, Conflict, Result, Step, evaluate, guide, model_json, part, run, tree_paths
from .shortlist import shortlist, ways_for, weights_gb

__all__ = ["INPUTS", "PARTS", "ROUTES", "chart_top", "costs", "nice_ceil", "series", "Conflict", "Result", "Step", "calculator_defaults", "evaluate", "guide",
           "model_json", "part", "run", "shortlist", "tree_paths", "ways_for", "weights_gb"]
