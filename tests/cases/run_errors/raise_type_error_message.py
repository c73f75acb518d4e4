raise TypeError("custom message with 'quotes'")
