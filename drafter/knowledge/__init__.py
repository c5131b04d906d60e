"""drafter.knowledge: the knowledge base -- loading, incremental indexing and hybrid retrieval.

Public API (import the submodules; this package stays import-light for `drafter --help`):
    store.open_store(settings, index_dir=None) -> IndexStore   local folder or Chroma server
    ingest.ingest(settings, paths, *, index_dir=None, progress=None) -> IngestReport
    retrieve.open_retriever(settings, *, index_dir=None) -> Retriever (reloads a new version)
    retrieve.temporary_retriever(settings, kb_paths) -> context manager yielding a Retriever
    retrieve.build_query(subject, body) -> str          the one query path
    Retriever.search(query, k=5, language=None) -> list[Passage]   (first one has .support)
    Retriever.is_gap(passages) -> bool, Retriever.article(kb_id) -> dict, Retriever.stats()
    fusion.fuse(signals) / gap.support(features)   the ranking and the knowledge-gap model
    trust.untrusted_values(text, settings) -> list[str]   values not on the allow-list
    evaluation.evaluate_retrieval(retriever, cases, k=5) -> {n, recall@1, recall@5, mrr, p95_ms}
    embeddings.make_embedding(settings) -> Embedding (USE or OpenAI-compatible)
"""
