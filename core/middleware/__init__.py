"""The portal's own middleware: hostile requests, compression, cookie flags, Content-Security-Policy."""
