"""Stage 4: integration exports of the model (JSON, iCalendar)."""
