// Placeholder: this module's files are being written.
