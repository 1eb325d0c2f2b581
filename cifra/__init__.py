"""Cifra: answers about official statistics, with the figure, its source and its SQL."""
