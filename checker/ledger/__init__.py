"""The task ledger (任务台账): the rows, the workbooks and CSV the site offers, and the way back in.

`rows` computes the rows once; `workbook` and `text` write them, so downloads never disagree.
`read` opens a filled-in workbook as untrusted input and `importer` turns it into a progress report.
"""
