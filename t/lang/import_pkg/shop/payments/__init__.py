print("init payments", __name__)
