"""Stage 2, decide: the decision model (which option a set of answers leads to, and every path of a
tree), the cost model of three routes (`costs`), the catalogue's prices it opens with (`prices`) and
the shortlist of the catalogue's models that fit the answers (`shortlist`). Pure functions over the
models' types: it reads no files, so the data checks use it to prove that the trees and the cheat
sheet agree with it, and the pages call it.
"""
from .breakeven import INPUTS, ROUTES, chart_top, costs, nice_ceil, per_request, series
from .model import PARTS, Conflict, Result, Step, evaluate, guide, model_json, part, run, tree_paths
from .prices import FROM_CATALOGUE, calculator_defaults, default_choice, site_menu
from .shortlist import shortlist, ways_for, weights_gb

__all__ = ["FROM_CATALOGUE", "INPUTS", "PARTS", "ROUTES", "chart_top", "costs", "nice_ceil", "per_request",
           "series", "Conflict", "Result", "Step", "calculator_defaults", "default_choice", "evaluate", "guide",
           "model_json", "part", "run", "shortlist", "site_menu", "tree_paths", "ways_for", "weights_gb"]
