print("fundstress")
