"""Quality measurement: `drafter eval drafts` over golden cases, and desk analytics.

datasets (case files, emails from cases), metrics and thresholds (scores, CI limits), runner
and drafts (bounded concurrent drafting with a cache and resume journal), capture (what was
sent to the model, for the personal-data leak count), judge (optional LLM rubric), report
(terminal/Markdown/side-by-side), analytics and analytics_view (`drafter report`, stats screen).
"""
