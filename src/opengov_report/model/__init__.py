"""The typed domain model: values, tables, figures, metadata, era and the report itself."""
