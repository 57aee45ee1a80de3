import ArgumentParser
import Platform

extension Role: ExpressibleByArgument {}
