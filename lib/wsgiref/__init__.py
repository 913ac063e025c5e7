"""WSGI (PEP 3333) utilities: headers (a response header list), util (URIs,
path shifting, FileWrapper) and handlers (running an application under CGI or
over any pair of streams). pyl's own implementation of CPython's wsgiref
interface; simple_server and validate are not provided."""
