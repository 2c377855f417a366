"""French text as the pipeline reads it, never changed: normalised copies for matching
(``normalize``), sentences (``sentences``), French dates (``dates``) and the dated
expressions of running text (``date_expressions``)."""
