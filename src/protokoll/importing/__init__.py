"""Import: readers turn files into ``Extracted`` text; one parser turns that into ``protokoll/1``.

extract (readers/, the only code that opens files) → clean (page furniture) → segment (header
blocks, agenda, one section per §) → interpret (sections → records and warnings).
"""
