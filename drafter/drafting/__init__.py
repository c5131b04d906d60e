"""Drafting: turns one parsed email plus retrieved passages into a checked reply draft.

`engine` runs the pipeline as an async stream of events; `prompts` loads and renders the
team's templates; `llm` owns the model client and the bounded stream; `stream` the live
display filter; `extractive`, `sentences` and `register` the no-LLM template draft; `parts`
the engine's collaborator interfaces and small helpers; `assemble` the final Draft; `checks`
the deterministic warnings on every draft.
"""
