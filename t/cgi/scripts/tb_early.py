# cgitb: an exception before any header is printed still gives a page.
import cgitb

cgitb.enable()
{}["no-such-key"]
