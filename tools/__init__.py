"""Commands for the people who use and maintain the template: compare variants, report drift."""
