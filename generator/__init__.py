"""gongwen: 政府信息公开工作年度报告 from YAML data to GB/T 9704-2012 DOCX and PDF.

Pipeline, one direction only: ``load`` (YAML → report model) → ``compose`` (report model +
layout → document model) → ``writers`` (document model → DOCX / PDF).
"""
