"""Editor: what the build and the commands tell an editor. Warnings about the registers'
use (``checks``), the summary of a build (``report``), the figures of each article
(``stats``) and the names French NER finds that no register covers (``suggest``)."""
