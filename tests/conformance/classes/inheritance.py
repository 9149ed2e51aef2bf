# Single inheritance: methods are looked up in the subclass first, base methods can be called explicitly.
class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return self.name + ' makes a sound'
    def describe(self):
        return 'I am ' + self.name + ': ' + self.speak()
class Dog(Animal):
    def __init__(self, name, breed):
        Animal.__init__(self, name)
        self.breed = breed
    def speak(self):
        return self.name + ' barks'
d = Dog('Rex', 'lab')
print(d.describe())
print(Animal.speak(d))
print(isinstance(d, Dog), isinstance(d, Animal), isinstance(Animal('x'), Dog))
print(type(d).__name__, type(d) is Dog)
