print("alpha starts")
ready = False
import beta
ready = True
print("alpha ends")
