"""gongwen sign: the office's PAdES signature on a finished PDF (pades.py), with the key and
certificate of its PKCS#12 file (credentials.py), unlocked by a password that never appears on
the command line (password.py). Importing this package loads no cryptography: the CLI reads
the password's variable name from here at start-up."""
