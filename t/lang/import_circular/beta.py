print("beta starts")
import alpha
seen_at_import = alpha.ready
ready = True
print("beta ends")
