// placeholder: replaced by the local reranker work
