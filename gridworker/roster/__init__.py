"""Spreadsheet rosters: reading office sheets (xlsx/csv), importing, exporting, templates.

``sheets`` reads cells, ``headers`` recognises the columns, ``importer`` plans and applies
an import through the validated roster service, ``exporter`` writes sheets that import back.
"""
